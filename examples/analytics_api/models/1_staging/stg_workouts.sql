select
    workout_id,
    user_id,
    cast(started_at as timestamp) as started_at,
    sport,
    minutes,
    calories
from {{ ref('raw_workouts') }}
