{%- set parts = 'db.schema.table'.rsplit('.', 1) -%}
{%- set d = {'a': 1} -%}
{%- do d.update({'b': 2}) -%}
{%- set popped = d.pop('a') -%}
select
    '{{ parts[0] }}' as rsplit_head,
    '{{ parts[-1] }}' as rsplit_tail,
    '{{ tojson(d) }}' as dict_json,
    {{ popped }} as popped,
    '{{ fromjson('{"k": [1, 2]}')['k'] | length }}' as from_json_len,
    '{{ 'abc' | replace('b', 'B') }}' as filtered_replace,
    {{ 'true' if none is none and 'x' is string and 3 is number else 'false' }} as type_tests,
    '{{ 'x' ~ 1 ~ none }}' as tilde_concat,
    $${{ none }}|{{ true }}|{{ [1, 'a'] }}|{{ {'k': none} }}$$ as printed_python_values,
    '{{ 'a\nb'.splitlines() | length }}' as split_lines,
    '{{ 'left'.ljust(6, '.') }}' as ljust,
    '{{ 'ab'.zfill(4) }}' as zfilled,
    {{ 'true' if 'Ab1'.isalnum() and '12'.isdigit() else 'false' }} as char_tests,
    '{{ 'k=v'.partition('=')[2] }}' as partitioned,
    '{{ modules.re.sub('[0-9]+', '#', 'a1b22c') }}' as re_sub,
    {% call wrap('b') %}'bold'{% endcall %} as called
