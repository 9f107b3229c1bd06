select v1.id, v1.country, pinned.name
from {{ ref('dim_customers', v=1) }} as v1
join {{ ref('dim_customers', version='3') }} as pinned on pinned.id = v1.id
