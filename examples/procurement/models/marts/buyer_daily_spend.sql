-- Notices and awarded spend per buyer and publication day, published as Parquet for
-- `mallard serve` (see dbt_project.yml: materialized external).
select
    buyer_name,
    buyer_country,
    published_date,
    count(*) as notices,
    count(*) filter (where is_awarded) as awarded_notices,
    coalesce(sum(value_eur) filter (where is_awarded), 0) as awarded_value_eur,
    cast(sum(lots) as bigint) as lots
from {{ ref('stg_notices') }}
group by buyer_name, buyer_country, published_date
