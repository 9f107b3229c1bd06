-- one row per buyer and day in the published mart
select buyer_name, published_date, count(*) as n
from {{ ref('buyer_daily_spend') }}
group by buyer_name, published_date
having count(*) > 1
