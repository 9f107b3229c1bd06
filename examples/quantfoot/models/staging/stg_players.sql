select
    cast(player_id as bigint) as player_id,
    player_name,
    cast(age as integer) as age,
    cast(team_id as bigint) as team_id,
    cast(updated_at as timestamp) as updated_at
from {{ source('api_football', 'players') }}
