{{ config(materialized='view', grants={'select': ['reporter']}) }}
select id, customer_id, amount, method from {{ ref('payments') }}
