select 10 as player_id, 1 as team_id, 'Ann' as player_name, 21 as age
union all select 11, 2, 'Bob', 30
union all select 12, null, 'Cid', 18
