-- a table over the three-deep chain, referring to depth 3 and depth 1 at once
select s.id, s.region, s.status, s.scaled, o.amount as unscaled
from {{ ref('eph_scaled') }} s
join {{ ref('eph_orders') }} o on o.id = s.id
