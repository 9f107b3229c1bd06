{% macro mark() %}{{ return(adapter.dispatch('mark', 'pkg_e')()) }}{% endmacro %}
{% macro default__mark() %}'pkg_e default__mark'{% endmacro %}

{% macro only_pkg() %}{{ return(adapter.dispatch('only_pkg', 'pkg_e')()) }}{% endmacro %}
{% macro duckdb__only_pkg() %}'pkg_e duckdb__only_pkg'{% endmacro %}
{% macro default__only_pkg() %}'pkg_e default__only_pkg'{% endmacro %}
