{{ config(materialized='table') }}
select id, points from {{ ref('events') }}
