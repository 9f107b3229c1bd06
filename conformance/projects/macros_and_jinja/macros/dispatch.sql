{# dispatched without a namespace: looks in the root project #}
{% macro safe_divide(a, b) %}
  {{ return(adapter.dispatch('safe_divide')(a, b)) }}
{% endmacro %}

{% macro default__safe_divide(a, b) -%}
  ({{ a }}) / nullif({{ b }}, 0)
{%- endmacro %}

{% macro duckdb__safe_divide(a, b) -%}
  case when ({{ b }}) = 0 then null else ({{ a }})::double / ({{ b }}) end
{%- endmacro %}

{# dispatched with an explicit namespace; only a default__ implementation #}
{% macro flavour(x) %}
  {{ return(adapter.dispatch('flavour', 'macros_and_jinja')(x)) }}
{% endmacro %}

{% macro default__flavour(x) -%}
  'default-' || {{ x }}
{%- endmacro %}
