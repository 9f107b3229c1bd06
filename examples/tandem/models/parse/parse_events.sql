-- Stage 2 of seed 004's pipeline: raw events not parsed yet become domain events.
-- The post-hook appends them to the migration-owned events table (ids from its sequence).
{{ config(post_hook="
    insert into {{ source('app', 'events') }} (raw_event_id, event_type, event_ts)
    select raw_event_id, event_type, event_ts from {{ this }} order by raw_event_id") }}
select r.id as raw_event_id, r.event_type, r.event_ts
from {{ source('app', 'raw_events') }} as r
where not exists (select 1 from {{ source('app', 'events') }} as e where e.raw_event_id = r.id)
