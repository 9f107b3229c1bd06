{{ config(materialized='pkg_view_twice') }}
select n, tagged from {{ ref('numbers') }}
