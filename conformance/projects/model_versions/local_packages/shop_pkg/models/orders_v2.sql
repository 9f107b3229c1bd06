select 1 as order_id, 10.0 as amount, 'EUR' as currency
