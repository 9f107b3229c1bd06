{{ config(materialized='external', location='out/exported.parquet') }}
select n from {{ ref('nums') }}
