{{ config(materialized='my_mat') }}
select n * 10 as n from {{ ref('numbers') }}
