{{ config(
    indexes=[{'columns': ['team_name']}],
    pre_hook=[before_begin("insert into " ~ target.schema ~ ".hook_log (step) values ('teams before begin')"),
              "insert into {{ target.schema }}.hook_log (step) values ('teams pre')"],
    post_hook=after_commit("insert into {{ target.schema }}.hook_log (step) values ('teams after commit')")
) }}
select 1 as team_id, 'Lions' as team_name, 1990 as founded
union all select 2, 'Tigers', 2001
