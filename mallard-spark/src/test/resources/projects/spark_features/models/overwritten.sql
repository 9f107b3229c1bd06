{{ config(materialized='incremental', incremental_strategy='insert_overwrite') }}
-- without partition_by, insert_overwrite replaces the whole table
select kind, count(*) as events from {{ ref('stg_events') }} group by kind
