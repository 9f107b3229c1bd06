{% snapshot team_status %}
{{
    config(
        unique_key='team_id',
        strategy='timestamp',
        updated_at='updated_at',
        target_schema='snapshots'
    )
}}
select team_id, team_name, status, updated_at from {{ ref('stg_teams') }}
{% endsnapshot %}
