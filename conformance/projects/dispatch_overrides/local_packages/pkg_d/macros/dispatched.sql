{% macro fmt(x) %}{{ return(adapter.dispatch('fmt', 'pkg_d')(x)) }}{% endmacro %}
{% macro default__fmt(x) %}'pkg_d default__fmt ' || {{ x }}{% endmacro %}

{% macro tag() %}{{ return(adapter.dispatch('tag', 'pkg_d')()) }}{% endmacro %}
{% macro duckdb__tag() %}'pkg_d duckdb__tag'{% endmacro %}
{% macro default__tag() %}'pkg_d default__tag'{% endmacro %}

{% macro untouched() %}{{ return(adapter.dispatch('untouched', 'pkg_d')()) }}{% endmacro %}
{% macro duckdb__untouched() %}'pkg_d duckdb__untouched'{% endmacro %}
{% macro default__untouched() %}'pkg_d default__untouched'{% endmacro %}

{# calls another dispatched macro of its own package: qualified, as an unqualified tag()
   is looked up in the calling node's namespace (the root project), where dbt finds none #}
{% macro wrapped() %}'[' || {{ pkg_d.tag() }} || ']'{% endmacro %}
