-- depends_on: {{ ref('client_seed') }}
select client_id, upper(client_name) as client_name, country
from {{ source('landing', 'clients') }}
