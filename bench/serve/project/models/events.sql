-- 1,000,000 events over 10,000 users. user_id comes from a hash, so the rows of one
-- user are spread over the whole file (no sort order for the reader to exploit).
{{ config(location='marts/events.parquet') }}
select
    i as event_id,
    (hash(i) % 10000)::integer as user_id,
    ['view', 'click', 'purchase', 'refund'][1 + (i % 4)::integer] as event_type,
    round((i % 997) * 0.37, 2) as amount,
    date '2025-01-01' + (i % 365)::integer as event_day,
    'note ' || (i % 1000)::varchar as note
from range(1000000) as t(i)
