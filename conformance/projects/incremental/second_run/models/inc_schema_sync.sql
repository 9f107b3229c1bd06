{{ config(unique_key='id', on_schema_change='sync_all_columns') }}
select id, v * 1.5 as v, 'x' as extra from {{ ref('events') }}
