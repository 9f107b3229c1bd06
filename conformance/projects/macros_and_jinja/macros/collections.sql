{# macros that return values instead of printing SQL #}

{% macro fruit_columns() %}
  {{ return(['id', 'name', 'color']) }}
{% endmacro %}

{% macro color_codes() %}
  {{ return({'red': 1, 'yellow': 2, 'green': 3}) }}
{% endmacro %}

{% macro quoted_list(items) %}
  {% set out = [] %}
  {% for i in items %}
    {% do out.append("'%s'" % i) %}
  {% endfor %}
  {{ return(out | join(', ')) }}
{% endmacro %}

{% macro totals(values) %}
  {% set ns = namespace(total=0, count=0, seen=[]) %}
  {% for v in values %}
    {% set ns.total = ns.total + v %}
    {% set ns.count = ns.count + 1 %}
    {% do ns.seen.append(v) %}
  {% endfor %}
  {{ return({'total': ns.total, 'count': ns.count, 'seen': ns.seen}) }}
{% endmacro %}

{% macro wrap(tag) -%}
  '<{{ tag }}>' || {{ caller() }} || '</{{ tag }}>'
{%- endmacro %}
