{{ config(incremental_strategy='delete+insert', unique_key=['id', 'kind']) }}
select id, kind, v from {{ ref('events') }}
