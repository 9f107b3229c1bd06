{# a comment #}

{%- macro spaced(x) -%}
  {{ x }} + {{ double(1) }}
{%- endmacro -%}

{% test positive(model, column_name) %}
select * from {{ model }} where {{ column_name }} < 0
{% endtest %}

{% macro uses_dispatch() %}{{ return(adapter.dispatch('uses_dispatch')()) }}{% endmacro %}
{% macro default__uses_dispatch() %}1{% endmacro %}
{% macro nested_call() %}
  {% call statement('x') %}select {{ state_parity.spaced(2) }}{% endcall %}
  {{ dbt.current_timestamp() }}
{% endmacro %}
