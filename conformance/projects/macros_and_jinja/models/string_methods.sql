{%- set cols = fruit_columns() -%}
{%- set dotted = 'a.b.c' -%}
select
{%- for c in cols %}
    {{ c }} as {{ c }}_{{ loop.index }},
{%- endfor %}
    '{{ dotted.split('.') | join('|') }}' as split_dot,
    {{ 'a,b,,'.split(',') | length }} as split_keeps_empty,
    {{ 'one two  three'.split() | length }} as split_whitespace,
    '{{ 'hello world'.upper() }}' as upper_s,
    '{{ 'MiXeD'.lower() }}' as lower_s,
    '{{ 'x-y-z'.replace('-', '_') }}' as replaced,
    '{{ '{}+{}={}'.format(1, 2, 3) }}' as formatted,
    '{{ '{name} is {n}'.format(name='pi', n=3) }}' as formatted_named,
    '{{ '%s has %d items' % ('cart', 3) }}' as percent_tuple,
    '{{ 'just %s' % 'one' }}' as percent_single,
    '{{ '  pad  '.strip() }}' as stripped,
    '{{ 'title case'.title() }}' as titled,
    {{ 'true' if 'abc'.startswith('ab') and 'abc'.endswith('bc') else 'false' }} as starts_ends,
    {{ 'a_b_c'.count('_') }} as underscores,
    '{{ '-'.join(['x', 'y']) }}' as joined,
    {{ quoted_list(['p', 'q']) | length }} as quoted_len,
    upper(name) in ({{ quoted_list(['APPLE', 'LIME']) }}) as is_listed
from {{ ref('fruits') }}
