{{ config(materialized='view') }}
select * from {{ ref('payments_child') }}
