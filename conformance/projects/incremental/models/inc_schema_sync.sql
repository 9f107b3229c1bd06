{{ config(unique_key='id', on_schema_change='sync_all_columns') }}
select id, kind, v from {{ ref('events') }}
