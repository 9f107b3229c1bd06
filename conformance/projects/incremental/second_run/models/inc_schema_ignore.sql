{{ config(incremental_strategy='append') }}
select id, kind, v, 'x' as extra from {{ ref('events') }}
