-- Stage 3: basal deliveries out of parsed events' JSON payloads.
{{ config(post_hook="
    insert into {{ source('app', 'basal_deliveries') }} (event_id, delivery_ts, units_per_hour, delivery_type)
    select event_id, delivery_ts, units_per_hour, delivery_type from {{ this }} order by event_id") }}
-- depends_on: {{ ref('parse_events') }}
select
    e.id as event_id,
    e.event_ts as delivery_ts,
    cast(json_extract(r.payload, '$.units_per_hour') as decimal(6, 3)) as units_per_hour,
    json_extract_string(r.payload, '$.type') as delivery_type
from {{ source('app', 'events') }} as e
join {{ source('app', 'raw_events') }} as r on r.id = e.raw_event_id
where e.event_type = 'basal_delivery'
  and not exists (select 1 from {{ source('app', 'basal_deliveries') }} as b where b.event_id = e.id)
