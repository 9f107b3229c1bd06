{{ config(materialized='table') }}
select h.id, h.name, h.tier, h.dbt_valid_from from {{ ref('by_timestamp') }} h where h.dbt_valid_to is null
