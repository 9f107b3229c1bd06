-- two-argument ref into the package; a qualified package macro; a root macro that
-- shares its name with one of the package's
select
    p.id,
    p.amount,
    p.x_in_pkg,
    p.y_in_pkg,
    p.z_in_pkg,
    p.label_in_pkg,
    {{ pkg_a.some_macro('p.amount') }} as doubled,
    '{{ label() }}' as label_in_root,
    '{{ var("x", "unset") }}' as x_in_root,
    '{{ var("y") }}' as y_in_root
from {{ ref('pkg_a', 'pkg_model') }} as p
