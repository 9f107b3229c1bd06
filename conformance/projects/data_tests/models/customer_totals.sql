select c.id, c.name, coalesce(sum(p.amount), 0) as total, count(p.payment_id) as n
from {{ ref('stg_customers') }} c
left join {{ ref('stg_payments') }} p on p.customer_id = c.id
group by c.id, c.name
