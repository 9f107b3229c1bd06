select id, upper(region) as region, amount, {{ cents('amount') }} as amount_cents, note
from {{ ref('sales') }}
