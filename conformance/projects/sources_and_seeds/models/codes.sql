-- depends_on: {{ ref('pipes') }}
select code, label, label is null as label_null, weight * 2 as double_weight
from {{ source('lookups', 'codes') }}
