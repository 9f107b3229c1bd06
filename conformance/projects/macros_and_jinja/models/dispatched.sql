select
    id,
    {{ safe_divide('id', 'id - 2') }} as ratio,
    {{ flavour('name') }} as flavoured
from {{ ref('fruits') }}
