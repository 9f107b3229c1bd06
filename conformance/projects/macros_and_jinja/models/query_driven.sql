{#- columns that depend on the data: only known when execute is true -#}
{%- set colors_sql -%}
    select distinct color from {{ ref('fruits') }} order by color
{%- endset -%}
{%- if execute -%}
    {%- set colors = run_query(colors_sql).columns[0].values() -%}
{%- else -%}
    {%- set colors = [] -%}
{%- endif -%}

{%- call statement('stats', fetch_result=True) -%}
    select count(*) as n, max(id) as max_id, min(name) as first_name from {{ ref('fruits') }}
{%- endcall -%}
{%- if execute -%}
    {%- set stats = load_result('stats') -%}
    {%- set n = stats['data'][0][0] -%}
    {%- set max_id = stats['table'].columns['max_id'].values()[0] -%}
    {%- set first_name = stats['data'][0][2] -%}
{%- else -%}
    {%- set n, max_id, first_name = 0, 0, '' -%}
{%- endif -%}

select
{%- for c in colors %}
    sum(case when color = '{{ c }}' then 1 else 0 end) as n_{{ c }},
{%- endfor %}
    {{ colors | length }} as n_colors,
    {{ n }} as n_rows,
    {{ max_id }} as max_id,
    '{{ first_name }}' as first_name
from {{ ref('fruits') }}
