{{ config(materialized='view') }}
select code, lower(label) as label, '{{ this.name }}' as me, '{{ "%s-%s" % ("a", "b") }}' as fmt
from {{ ref('semicolons') }}
