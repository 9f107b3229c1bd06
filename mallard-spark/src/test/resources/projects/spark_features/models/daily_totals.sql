{{ config(materialized='incremental', incremental_strategy='insert_overwrite', partition_by=['day']) }}
-- each run recomputes the days its new batch touches; Spark overwrites only those partitions
select kind, count(*) as events, sum(amount) as amount, day
from {{ ref('stg_events') }}
{% if is_incremental() %}
where day in (select day from {{ ref('stg_events') }} where batch = {{ var('batch') }})
{% endif %}
group by kind, day
