{{ config(materialized='ephemeral') }}
select distinct kind from {{ ref('stg_events') }}
