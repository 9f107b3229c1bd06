{{ config(incremental_strategy='append', full_refresh=true) }}
select id, kind, v from {{ ref('events') }}
