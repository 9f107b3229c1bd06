{{ config(materialized='table') }}
select id, name, tier, dbt_valid_from
from {{ ref('customers_history') }}
where dbt_valid_to is null
