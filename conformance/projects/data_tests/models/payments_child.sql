-- skipped in `build`: its parent has a failing test
select customer_id, sum(amount) as amount from {{ ref('payments_by_customer') }} group by customer_id
