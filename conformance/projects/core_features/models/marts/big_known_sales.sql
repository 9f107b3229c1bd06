with ranked as (
    select *, row_number() over (order by id) as rn from {{ ref('eph_known') }}
)
select id, region, amount, amount_cents, rn, {{ label("region") }} as tagged
from ranked
