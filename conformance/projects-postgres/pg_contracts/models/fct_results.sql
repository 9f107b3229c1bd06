{{ config(materialized='table') }}
select id as result_id, team_id, points, cast(at as date) as played_on from {{ ref('events') }}
