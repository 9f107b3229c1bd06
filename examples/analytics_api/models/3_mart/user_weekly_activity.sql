-- One row per user and ISO week: what the app's activity chart shows.
select
    w.user_id,
    date_trunc('week', w.started_at)::date as week_start,
    count(*) as workouts,
    sum(w.minutes) as minutes,
    sum(w.calories) as calories
from {{ ref('stg_workouts') }} as w
group by 1, 2
