select team_id, team_name, city, status
from {{ ref('stg_teams') }}
