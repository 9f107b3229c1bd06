select count(*) as n_orders, '{{ var('region_label') }}' as region_label
from {{ var('orders_relation') }}
