{# arguments rendered as dbt renders them: Jinja inside list items and mapping values #}
{% test in_rendered_set(model, column_name, allowed, options) %}
select {{ column_name }} from {{ model }}
where {{ column_name }} not in (
    {%- for v in allowed %}{{ v if v is number else "'" ~ v ~ "'" }}{{ ", " if not loop.last }}{% endfor -%}
)
{%- if options.extra_filter %} and {{ options.extra_filter }}{% endif %}
{% endtest %}
