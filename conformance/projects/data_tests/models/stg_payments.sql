{{ config(materialized='view') }}
select payment_id, customer_id, amount, kind from {{ source('raw', 'payments') }}
