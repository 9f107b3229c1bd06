{%- set codes = color_codes() -%}
select
    name,
    color,
    case color
    {%- for k, v in codes.items() %}
        when '{{ k }}' then {{ v }}
    {%- endfor %}
    end as color_code,
    {{ codes | length }} as n_codes,
    '{{ codes.keys() | sort | join(',') }}' as code_names,
    {{ codes.get('blue', 0) }} as blue_code,
    {{ codes['green'] }} as green_code,
    {{ 'true' if 'red' in codes else 'false' }} as has_red
from {{ ref('fruits') }}
{%- for k, v in codes | dictsort %}
{%- if loop.first %}
where color_code >= {{ v }}
{%- endif %}
{%- endfor %}
