{# a project's own schema naming that falls back on dbt's default__generate_schema_name #}
{% macro generate_schema_name(custom_schema_name, node) -%}
  {%- if custom_schema_name == 'verbatim' -%}
    verbatim
  {%- else -%}
    {{ default__generate_schema_name(custom_schema_name, node) }}
  {%- endif -%}
{%- endmacro %}
