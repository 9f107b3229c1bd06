{{ config(alias='totals_by_region') }}
{%- set cols = ['amount', 'amount_cents'] %}
select region,
{%- for c in cols %}
    sum({{ c }}) as total_{{ c }}{{ "," if not loop.last }}
{%- endfor %}
from {{ ref('stg_sales') }}
group by region
