-- Per user and sport: totals and the last session.
select
    u.user_id,
    u.display_name,
    w.sport,
    count(*) as workouts,
    sum(w.minutes) as minutes,
    max(w.started_at) as last_session_at
from {{ ref('stg_workouts') }} as w
join {{ ref('stg_users') }} as u using (user_id)
group by 1, 2, 3
