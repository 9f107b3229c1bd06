-- the seed's inferred and declared types, and how empty cells were loaded
select
    id,
    typeof(id) as id_type,
    typeof(born) as born_type,
    typeof(active) as active_type,
    typeof(score) as score_type,
    typeof(seen_at) as seen_at_type,
    born is null as born_null,
    active is null as active_null,
    note is null as note_null,
    note = '' as note_empty,
    born + interval 1 day as day_after,
    case when active then 'yes' when not active then 'no' end as active_word
from {{ ref('stg_people') }}
