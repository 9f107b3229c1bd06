-- depth 1: ephemeral over a seed
select id, region, status, qty, price, qty * price as amount
from {{ ref('orders') }}
where qty >= {{ var('min_qty') }}
