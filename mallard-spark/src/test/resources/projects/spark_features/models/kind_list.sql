{{ config(materialized='view') }}
select kind, length(kind) as letters from {{ ref('kinds') }}
