{# overrides dbt's default__bool_or, found through dispatch before dbt's own; it means
   "true for at least two rows", so the built table shows which one ran #}
{% macro default__bool_or(expression) -%}
sum(case when {{ expression }} then 1 else 0 end) > 1
{%- endmacro %}
