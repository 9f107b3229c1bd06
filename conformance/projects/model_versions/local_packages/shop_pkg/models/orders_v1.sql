select 1 as order_id, 10.0 as amount union all select 2, 20.0
