-- joins a seed-backed source, a file-backed source and a ref
select c.client_name, r.currency, r.rate
from {{ ref('stg_clients') }} c
join {{ ref('rates') }} r on (c.country = 'PT' and r.currency = 'EUR') or (c.country = 'BR' and r.currency = 'BRL')
