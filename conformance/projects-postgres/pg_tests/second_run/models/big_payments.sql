{{ config(materialized='incremental', unique_key='id', indexes=[{'columns': ['id']}], grants={'select': ['reporter']}) }}
select id, customer_id, amount from {{ ref('stg_payments') }} where amount > 9
