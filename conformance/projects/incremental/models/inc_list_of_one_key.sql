{{ config(unique_key=['id'], incremental_predicates=["DBT_INCREMENTAL_TARGET.kind = 'a'"]) }}
select id, kind, v from {{ ref('events') }}
