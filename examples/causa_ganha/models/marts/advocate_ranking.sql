{{ config(materialized='table') }}

with extracted as (
    select
        id,
        date,
        partes->>'advocate' as advocate,
        partes->>'opponent' as opponent,
        partes->>'outcome'  as outcome
    from {{ ref('tjro_diary') }}
),

matches as (
    select
        id,
        date,
        advocate as player_a,
        opponent as player_b,
        case outcome when 'win' then 1.0 when 'loss' then 0.0 else 0.5 end as score_a
    from extracted
),

-- every match seen from both sides
appearances as (
    select player_a as advocate, score_a as score, date from matches
    union all
    select player_b as advocate, 1 - score_a as score, date from matches
),

stats as (
    select
        advocate,
        count(*) as matches,
        count(*) filter (where score = 1) as wins,
        count(*) filter (where score = 0.5) as draws,
        count(*) filter (where score = 0) as losses,
        max(date) as last_seen
    from appearances
    group by advocate
),

elo as (
    select player as advocate, rating
    from {{ elo_rating('matches', order_by='date, id',
                       k_factor=var('elo_k_factor'),
                       initial_rating=var('elo_initial_rating')) }}
)

select
    stats.advocate,
    cast(round(elo.rating, 2) as decimal(10, 2)) as elo,
    row_number() over (order by elo.rating desc, stats.advocate) as ranking,
    stats.matches,
    stats.wins,
    stats.draws,
    stats.losses,
    stats.last_seen
from stats
join elo
    on stats.advocate = elo.advocate
