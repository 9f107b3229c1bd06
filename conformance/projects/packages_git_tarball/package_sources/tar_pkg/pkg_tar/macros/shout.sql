{% macro shout(expr) %}upper({{ expr }}){% endmacro %}
