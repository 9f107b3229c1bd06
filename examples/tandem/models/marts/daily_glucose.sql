-- depends_on: {{ ref('parse_cgm_readings') }}
select
    cast(reading_ts as date) as day,
    count(*) as readings,
    round(avg(glucose_mg_dl), 1) as mean_mg_dl,
    min(glucose_mg_dl) as min_mg_dl,
    max(glucose_mg_dl) as max_mg_dl,
    round(100.0 * avg(case when glucose_mg_dl between 70 and 180 then 1 else 0 end), 1) as time_in_range_pct
from {{ source('app', 'cgm_readings') }}
group by 1
