select date_day from {{ ref('spine') }}
{{ dbt.except() }}
select date_day from {{ ref('spine') }} where date_day > cast('2024-01-30' as date)
{{ intersect() }}
select date_day from {{ ref('spine') }}
