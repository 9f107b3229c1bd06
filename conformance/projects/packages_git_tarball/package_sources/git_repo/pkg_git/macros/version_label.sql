{% macro version_label() %}'tagged v1.0'{% endmacro %}
