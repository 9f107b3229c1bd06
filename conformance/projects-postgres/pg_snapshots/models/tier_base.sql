{{ config(materialized='ephemeral') }}
select id, tier, updated_at from {{ ref('customers') }}
