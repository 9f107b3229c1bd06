{{ config(post_hook=[
    "ALTER TABLE {{ this }} ADD CONSTRAINT pk_fixtures PRIMARY KEY (fixture_id)",
    "ALTER TABLE {{ this }} ALTER COLUMN home_team_id SET NOT NULL"
]) }}
select 100 as fixture_id, 1 as home_team_id, 2 as away_team_id
