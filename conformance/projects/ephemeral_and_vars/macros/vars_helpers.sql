{% macro status_filter(col) -%}
  {{ col }} in (
  {%- for s in var('statuses') -%}
    '{{ s }}'{{ ', ' if not loop.last }}
  {%- endfor -%}
  )
{%- endmacro %}
