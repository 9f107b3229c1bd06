select "Order ID" as order_id, "Total Amount" as total, lower_name
from {{ ref('quirky_headers') }}
