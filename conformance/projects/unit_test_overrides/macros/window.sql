{# the bounds a model filters on: a mapping, returned (an override replaces the whole call) #}
{% macro window_bounds(relation) %}
    {{ return({'lo': var('low_default'), 'hi': 3}) }}
{% endmacro %}

{# called through the project's namespace, as a package calls its own macros #}
{% macro rows_in_window(relation) %}
    {% set b = unit_test_overrides.window_bounds(relation) %}
    select id, {{ row_label() }} as label from {{ relation }}
    where id between {{ b['lo'] }} and {{ b['hi'] }}
{% endmacro %}

{% macro row_label() %}'real'{% endmacro %}
