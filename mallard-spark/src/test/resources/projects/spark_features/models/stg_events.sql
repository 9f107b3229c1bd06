{{ config(materialized='view') }}
select id, batch, cast(day as date) as day, kind, cast(amount as decimal(10, 2)) as amount, note
from {{ ref('events') }}
where batch <= {{ var('batch') }}
