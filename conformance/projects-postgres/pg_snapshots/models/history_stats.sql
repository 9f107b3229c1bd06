{{ config(materialized='table') }}
select count(*) as versions, count(*) filter (where dbt_valid_to is null) as current_rows
from {{ ref('by_check') }}
