select o.order_id, o.amount, l.order_id is not null as in_latest
from {{ ref('shop_pkg', 'orders', v=1) }} as o
left join {{ ref('orders') }} as l on l.order_id = o.order_id
