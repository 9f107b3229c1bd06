select
    cast(team_id as bigint) as team_id,
    team_name,
    city,
    status,
    cast(updated_at as timestamp) as updated_at
from {{ source('api_football', 'teams') }}
