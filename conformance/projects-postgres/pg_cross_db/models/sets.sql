select id from {{ ref('facts') }}
{{ dbt.except() }}
select id from {{ ref('facts') }} where grp = 'b'
union all
(select id from {{ ref('facts') }} {{ dbt.intersect() }} select 4)
