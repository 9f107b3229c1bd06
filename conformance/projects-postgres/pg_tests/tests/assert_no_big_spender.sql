{{ config(store_failures=true, severity='warn') }}
select customer_id, total from {{ ref('customer_totals') }} where total > 50
