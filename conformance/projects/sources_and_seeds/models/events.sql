select kind, count(*) as n, sum(amount) as amount, min(happened_at) as first_at
from {{ source('files', 'events') }}
group by kind
