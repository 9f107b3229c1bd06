{{ config(unique_key='id') }}
select id, kind, v from {{ ref('events') }}
