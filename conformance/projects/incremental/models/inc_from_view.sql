{{ config(materialized='view') }}
select id, kind, v from {{ ref('events') }}
