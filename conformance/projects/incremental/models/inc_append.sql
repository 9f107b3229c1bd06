{{ config(incremental_strategy='append') }}
select id, kind, v from {{ ref('events') }}
