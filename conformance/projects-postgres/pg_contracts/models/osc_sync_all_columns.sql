{{ config(materialized='incremental', unique_key='id', on_schema_change='sync_all_columns') }}
select id, team_id, points from {{ ref('events') }}
{% if is_incremental() %} where id > (select max(id) from {{ this }}) {% endif %}
