{{ config(materialized='table') }}
select c.tier, c.n, c.last_change, (select count(*) from {{ ref('tier_base') }}) as total
from {{ ref('tier_counts') }} c
