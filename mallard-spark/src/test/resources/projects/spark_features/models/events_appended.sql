{{ config(materialized='incremental', incremental_strategy='append') }}
select id, batch, day, kind, amount from {{ ref('stg_events') }}
{% if is_incremental() %}
where batch > (select max(batch) from {{ this }})
{% endif %}
