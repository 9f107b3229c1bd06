{{ config(materialized='incremental', unique_key='team_id', incremental_strategy='merge', on_schema_change='append_new_columns') }}
select team_id, sum(points)::integer as points, count(*)::integer as games from {{ ref('events') }} group by team_id
