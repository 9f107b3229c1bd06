-- an HHI over n divisions lies between 10000 / n (equal shares) and 10000 (one division),
-- and the Java mart's totals equal the awarded notices in staging
select c.*
from {{ ref('buyer_category_concentration') }} c
left join (
    select buyer_name, count(*) as n, sum(value_eur) as v
    from {{ ref('stg_notices') }} where is_awarded group by buyer_name
) s using (buyer_name)
where c.hhi < 10000.0 / c.cpv_divisions - 1e-6
   or c.hhi > 10000 + 1e-6
   or c.top_division_share not between 0 and 1
   or s.n is distinct from c.awarded_notices
   or s.v is distinct from c.awarded_value_eur
