-- One row per notice, flattened and typed: the buyer object becomes two columns and the CPV
-- code gives its division (the first two digits, the broadest procurement category).
select
    id,
    notice_id,
    title,
    buyer.name as buyer_name,
    buyer.country as buyer_country,
    cpv,
    left(cpv, 2) as cpv_division,
    value_eur,
    lots,
    status,
    status = 'awarded' as is_awarded,
    published_at,
    cast(published_at as date) as published_date,
    updated_at
from {{ source('procurement_api', 'notices') }}
