{% macro some_macro(expr) %}({{ expr }} * 2){% endmacro %}

{% macro label() %}pkg label{% endmacro %}

{% test is_positive(model, column_name) %}
select * from {{ model }} where {{ column_name }} <= 0
{% endtest %}
