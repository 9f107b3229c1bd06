-- depends_on: {{ ref('parse_basal_deliveries') }}
select
    cast(delivery_ts as date) as day,
    count(*) as deliveries,
    sum(case when delivery_type = 'temp' then 1 else 0 end) as temp_rates,
    round(avg(units_per_hour), 3) as avg_units_per_hour
from {{ source('app', 'basal_deliveries') }}
group by 1
