{{ config(unique_key='id') }}
select id, kind, v, {{ 'true' if is_incremental() else 'false' }} as loaded_incrementally
from {{ ref('events') }}
{% if is_incremental() %}
where id > (select max(id) from {{ this }})
{% endif %}
