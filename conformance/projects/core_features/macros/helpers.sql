{% macro region_list() %}
  {% set out = [] %}
  {% for r in var('regions') %}
    {% do out.append("'" ~ r.upper() ~ "'") %}
  {% endfor %}
  {{ return(out | join(', ')) }}
{% endmacro %}

{% macro cents(col) -%}
  cast(round({{ col }} * 100) as integer)
{%- endmacro %}

{% macro default__label(x) -%}
  'default:' || {{ x }}
{%- endmacro %}

{% macro duckdb__label(x) -%}
  'duckdb:' || {{ x }}
{%- endmacro %}

{% macro label(x) -%}
  {{ return(adapter.dispatch('label')(x)) }}
{%- endmacro %}
