{{ config(
    materialized='incremental',
    incremental_strategy='microbatch',
    event_time='occurred_at',
    batch_size='day',
    begin='2024-01-01',
    lookback=1
) }}
select
    e.id,
    e.occurred_at,
    e.amount * r.rate as amount_eur,
    {{ is_incremental() }} as incremental_batch
from {{ ref('events') }} e
cross join {{ ref('rates') }} r
