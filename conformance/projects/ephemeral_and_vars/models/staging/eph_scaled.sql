-- depth 3: ephemeral over an ephemeral over an ephemeral
select *, amount * {{ var('multiplier') }} as scaled
from {{ ref('eph_status') }}
