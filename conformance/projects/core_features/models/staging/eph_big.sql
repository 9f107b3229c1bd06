{{ config(materialized='ephemeral') }}
select * from {{ ref('stg_sales') }} where amount >= {{ var('min_amount') }}
