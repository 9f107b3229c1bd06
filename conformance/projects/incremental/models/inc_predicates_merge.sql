{{ config(incremental_strategy='merge', unique_key='id', incremental_predicates=["DBT_INTERNAL_DEST.kind = 'a'", 'DBT_INTERNAL_SOURCE.v > 0']) }}
select id, kind, v from {{ ref('events') }}
