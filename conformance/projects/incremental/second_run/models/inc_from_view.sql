select id, kind, v from {{ ref('events') }}
