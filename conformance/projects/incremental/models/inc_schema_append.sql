{{ config(incremental_strategy='append', on_schema_change='append_new_columns') }}
select id, kind, v from {{ ref('events') }}
