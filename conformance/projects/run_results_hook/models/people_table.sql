{{ config(materialized='table') }}
select * from {{ ref('people_view') }} where id > 1
