select
    cast(fixture_id as bigint) as fixture_id,
    cast(home_team_id as bigint) as home_team_id,
    cast(away_team_id as bigint) as away_team_id,
    cast(kickoff as date) as kickoff,
    cast(home_goals as integer) as home_goals,
    cast(away_goals as integer) as away_goals
from {{ source('api_football', 'fixtures') }}
