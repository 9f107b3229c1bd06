{{ config(file_format='orc') }}
select kind, max(amount) as biggest from {{ ref('stg_events') }} group by kind
