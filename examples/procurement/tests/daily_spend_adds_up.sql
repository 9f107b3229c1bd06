-- the mart loses no notice and no euro: its totals equal the staged notices'
with mart as (
    select sum(notices) as notices, sum(awarded_value_eur) as awarded from {{ ref('buyer_daily_spend') }}
), staged as (
    select count(*) as notices, sum(value_eur) filter (where is_awarded) as awarded from {{ ref('stg_notices') }}
)
select * from mart, staged
where mart.notices <> staged.notices or mart.awarded <> staged.awarded
