select 1 as id, 2.5 as amount, 'north' as region, date '2024-01-01' as sold_on
