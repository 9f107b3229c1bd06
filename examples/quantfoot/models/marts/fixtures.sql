select
    fixture_id,
    home_team_id,
    away_team_id,
    kickoff,
    home_goals,
    away_goals,
    case
        when home_goals > away_goals then 'home'
        when home_goals < away_goals then 'away'
        else 'draw'
    end as result
from {{ ref('stg_fixtures') }}
