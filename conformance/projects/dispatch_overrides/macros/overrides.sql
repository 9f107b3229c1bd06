{# pkg_d: the root comes first in dispatch's search_order #}
{% macro duckdb__fmt(x) %}'root duckdb__fmt ' || {{ x }}{% endmacro %}
{# pkg_d has its own duckdb__tag: the search goes package by package (each with
   duckdb__ then default__), so this root default__ still wins #}
{% macro default__tag() %}'root default__tag'{% endmacro %}

{# pkg_e: no dispatch config, the root project is still searched first #}
{% macro default__mark() %}'root default__mark'{% endmacro %}

{# the dbt namespace: dbt-duckdb has duckdb__dateadd, dbt has default__concat #}
{% macro default__dateadd(datepart, interval, from_date_or_timestamp) %}
    (cast({{ from_date_or_timestamp }} as date) + interval 1000 day)
{% endmacro %}
{% macro duckdb__concat(fields) %}('root concat: ' || {{ fields | join(' || ') }}){% endmacro %}
{% macro duckdb__last_day(date, datepart) %}cast('1999-12-31' as date){% endmacro %}
