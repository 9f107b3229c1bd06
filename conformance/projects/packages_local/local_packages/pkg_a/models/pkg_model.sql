select
    id,
    amount,
    {{ var('x') }} as x_in_pkg,
    '{{ var("y") }}' as y_in_pkg,
    '{{ var("z") }}' as z_in_pkg,
    '{{ label() }}{{ root_only_suffix() }}' as label_in_pkg,
    '{{ this.identifier }}' as this_identifier
from {{ ref('pkg_seed') }}
