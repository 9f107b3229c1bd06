{{ config(materialized='ephemeral') }}
select tier, count(*) as n, max(updated_at) as last_change from {{ ref('tier_base') }} group by tier
