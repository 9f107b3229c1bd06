{#-
  elo_rating(matches, ...) renders a SELECT that replays every match of the
  relation `matches` in order and returns one row per player with the final
  Elo rating: columns `player` and `rating` (double, unrounded).

  `matches` needs one row per match with the two players and the score of the
  first one (1 = win, 0.5 = draw, 0 = loss); `order_by` must give a total order
  so that the replay, and hence the result, is deterministic.

  The replay is a recursive CTE whose working set at step n holds every
  player's rating after n matches; the opponent's rating is looked up with a
  window aggregate over that step.
-#}
{% macro elo_rating(matches, player_a='player_a', player_b='player_b', score_a='score_a',
                    order_by='match_no', k_factor=32, initial_rating=1500) -%}
(
    with recursive
    _elo_matches as (
        select
            row_number() over (order by {{ order_by }}) as _match_no,
            {{ player_a }} as _a,
            {{ player_b }} as _b,
            cast({{ score_a }} as double) as _score_a
        from {{ matches }}
    ),
    _elo_players as (
        select _a as player from _elo_matches
        union
        select _b as player from _elo_matches
    ),
    _elo_steps(_step, player, rating) as (
        select 0::bigint, player, cast({{ initial_rating }} as double)
        from _elo_players
        union all
        select
            s._step + 1,
            s.player,
            case
                when s.player = m._a then s.rating + {{ k_factor }} * (
                    m._score_a
                    - 1 / (1 + pow(10, (max(case when s.player = m._b then s.rating end) over () - s.rating) / 400)))
                when s.player = m._b then s.rating + {{ k_factor }} * (
                    (1 - m._score_a)
                    - 1 / (1 + pow(10, (max(case when s.player = m._a then s.rating end) over () - s.rating) / 400)))
                else s.rating
            end
        from _elo_steps as s
        join _elo_matches as m
            on m._match_no = s._step + 1
    )
    select player, rating
    from _elo_steps
    where _step = (select coalesce(max(_match_no), 0) from _elo_matches)
)
{%- endmacro %}
