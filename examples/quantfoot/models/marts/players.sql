{{
    config(
        materialized='incremental',
        unique_key='player_id',
        incremental_strategy='merge',
        on_schema_change='append_new_columns'
    )
}}

select player_id, player_name, age, team_id, updated_at
from {{ ref('stg_players') }}

{% if is_incremental() %}
where updated_at > (select max(updated_at) from {{ this }})
{% endif %}
