{{ config(materialized='view') }}
-- a view inlining the same chain
select region, count(*) as n, sum(scaled) as scaled_total
from {{ ref('eph_scaled') }}
group by region
