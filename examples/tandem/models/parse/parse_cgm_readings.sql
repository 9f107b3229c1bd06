-- Stage 3: CGM readings out of parsed events' JSON payloads.
{{ config(post_hook="
    insert into {{ source('app', 'cgm_readings') }} (event_id, reading_ts, glucose_mg_dl)
    select event_id, reading_ts, glucose_mg_dl from {{ this }} order by event_id") }}
-- depends_on: {{ ref('parse_events') }}
select
    e.id as event_id,
    e.event_ts as reading_ts,
    cast(json_extract(r.payload, '$.glucose_mg_dl') as integer) as glucose_mg_dl
from {{ source('app', 'events') }} as e
join {{ source('app', 'raw_events') }} as r on r.id = e.raw_event_id
where e.event_type = 'cgm_reading'
  and not exists (select 1 from {{ source('app', 'cgm_readings') }} as c where c.event_id = e.id)
