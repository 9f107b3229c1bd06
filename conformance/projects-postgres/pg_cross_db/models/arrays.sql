select id,
  {{ dbt.array_construct(['id', 'id * 2']) }} as pair,
  {{ dbt.array_construct([], 'integer') }} as empty_ints,
  {{ dbt.array_append(dbt.array_construct(['id']), 'id + 10') }} as appended,
  {{ dbt.array_concat(dbt.array_construct(['1', '2']), dbt.array_construct(['id'])) }} as concatenated
from {{ ref('facts') }}
