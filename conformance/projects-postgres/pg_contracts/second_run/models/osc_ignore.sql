{{ config(materialized='incremental', unique_key='id', on_schema_change='ignore') }}
select id, points::numeric(6, 2) as points, 'v2' as version, at from {{ ref('events') }}
{% if is_incremental() %} where id > (select max(id) from {{ this }}) {% endif %}
