select grp,
  {{ dbt.listagg('label', "', '", 'order by id desc') }} as labels,
  {{ dbt.listagg('label', "'|'", 'order by id', 1) }} as first_label,
  {{ dbt.listagg('label') }} is not null as any_labels,
  {{ dbt.any_value('grp') }} as some_grp,
  {{ dbt.bool_or('flag') }} as any_flag,
  {{ dbt.bool_or('amount > 5') }} as any_big
from {{ ref('facts') }}
group by grp
