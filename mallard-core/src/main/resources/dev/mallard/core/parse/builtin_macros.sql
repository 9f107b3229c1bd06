{#- Mallard's own versions of the macros dbt ships for generic tests. A project overrides
    them by defining test_<name>, default__test_<name> or duckdb__test_<name>. -#}

{#- the tested relation, narrowed by the test's where config -#}
{% macro get_where_subquery(relation) -%}
  {{ return(adapter.dispatch('get_where_subquery', 'dbt')(relation)) }}
{%- endmacro %}

{% macro default__get_where_subquery(relation) -%}
  {%- set where = config.get('where') -%}
  {%- if where -%}
    (select * from {{ relation }} where {{ where }}) dbt_subquery
  {%- else -%}
    {{ relation }}
  {%- endif -%}
{%- endmacro %}

{#- The whitespace of these four is laid out so that a test compiles to the text dbt writes
    to target/compiled, blank lines included. -#}
{% macro test_not_null(model, column_name) %}
    {% set impl = adapter.dispatch('test_not_null', 'dbt') %}
    {{ impl(model, column_name) }}
{% endmacro %}

{% macro default__test_not_null(model, column_name) %}
{#- stored failures keep the whole row #}

{% set selected = '*' if should_store_failures() else column_name %}

select {{ selected }}
from {{ model }}
where {{ column_name }} is null

{% endmacro %}

{% macro test_unique(model, column_name) %}
    {% set impl = adapter.dispatch('test_unique', 'dbt') %}
    {{ impl(model, column_name) }}
{% endmacro %}

{% macro default__test_unique(model, column_name) %}

select
    {{ column_name }} as unique_field,
    count(*) as n_records

from {{ model }}
where {{ column_name }} is not null
group by {{ column_name }}
having count(*) > 1

{% endmacro %}

{% macro test_accepted_values(model, column_name, values, quote=true) %}
    {% set impl = adapter.dispatch('test_accepted_values', 'dbt') %}
    {{ impl(model, column_name, values, quote) }}
{% endmacro %}

{% macro default__test_accepted_values(model, column_name, values, quote=true) %}

with all_values as (

    select
        {{ column_name }} as value_field,
        count(*) as n_records

    from {{ model }}
    group by {{ column_name }}

)

select *
from all_values
where value_field not in (
    {% for value in values -%}
        {%- if quote %}'{{ value }}'{% else %}{{ value }}{% endif -%}
        {%- if not loop.last %},{% endif -%}
    {%- endfor %}
)

{% endmacro %}

{% macro test_relationships(model, column_name, to, field) %}
    {% set impl = adapter.dispatch('test_relationships', 'dbt') %}
    {{ impl(model, column_name, to, field) }}
{% endmacro %}

{% macro default__test_relationships(model, column_name, to, field) %}

with child as (
    select {{ column_name }} as from_field
    from {{ model }}
    where {{ column_name }} is not null
),

parent as (
    select {{ field }} as to_field
    from {{ to }}
)

select
    from_field

from child
left join parent
    on child.from_field = parent.to_field

where parent.to_field is null

{% endmacro %}

{#- dbt's hook helpers: a hook that runs outside the model's transaction -#}
{% macro before_begin(sql) -%}
  {{ return({'sql': sql, 'transaction': false}) }}
{%- endmacro %}

{% macro in_transaction(sql) -%}
  {{ return({'sql': sql, 'transaction': true}) }}
{%- endmacro %}

{% macro after_commit(sql) -%}
  {{ return({'sql': sql, 'transaction': false}) }}
{%- endmacro %}
