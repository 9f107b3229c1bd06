{{ config(materialized='table') }}
select
  count(*) as versions,
  count(*) filter (where dbt_valid_to is null) as current_rows,
  max(dbt_valid_to) as last_closed
from {{ ref('customers_history') }}
