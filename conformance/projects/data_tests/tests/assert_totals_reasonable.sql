-- singular test that passes
select * from {{ ref('customer_totals') }} where total < -100
