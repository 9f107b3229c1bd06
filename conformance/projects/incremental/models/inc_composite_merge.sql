{{ config(incremental_strategy='merge', unique_key=['kind', 'id']) }}
select id, kind, v from {{ ref('events') }}
