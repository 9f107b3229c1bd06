-- Not per user: the same for every caller (a token scoped to user_id cannot read it).
select
    u.plan,
    count(distinct u.user_id) as users,
    count(w.workout_id) as workouts,
    round(avg(w.minutes), 1) as avg_minutes
from {{ ref('stg_users') }} as u
left join {{ ref('stg_workouts') }} as w using (user_id)
group by 1
