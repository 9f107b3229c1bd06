{{ config(unique_key='id', incremental_predicates=["kind = 'a'"]) }}
select id, kind, v from {{ ref('events') }}
