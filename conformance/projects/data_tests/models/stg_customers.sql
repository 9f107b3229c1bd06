{{ config(materialized='view') }}
select id, upper(name) as name, tier_id, status from {{ ref('customers') }}
