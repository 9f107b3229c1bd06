{#- dbt's incremental strategy macros, for the project macros that call them: a custom
    strategy get_incremental_<name>_sql(arg_dict) often wraps one of these. Mallard's own
    strategies (append, delete+insert, merge) run in Java (IncrementalStrategy) and call them
    only when the project overrides one of them (OverriddenStrategyMacros). Written for Mallard from the SQL dbt-duckdb 1.11 renders. -#}

{#- the column names, quoted, joined with commas -#}
{% macro get_quoted_csv(column_names) -%}
  {%- set quoted = [] -%}
  {%- for name in column_names -%}
    {%- do quoted.append(adapter.quote(name)) -%}
  {%- endfor -%}
  {{- return(quoted | join(', ')) -}}
{%- endmacro %}

{#- insert every row of temp_relation into target_relation, by column name -#}
{% macro get_insert_into_sql(target_relation, temp_relation, dest_columns) -%}
  {%- set columns_csv = get_quoted_csv(dest_columns | map(attribute='name')) -%}
insert into {{ target_relation }} ({{ columns_csv }})
    (
        select {{ columns_csv }}
        from {{ temp_relation }}
    )
{%- endmacro %}

{% macro get_incremental_append_sql(arg_dict) -%}
  {{- return(get_insert_into_sql(arg_dict['target_relation'], arg_dict['temp_relation'],
      arg_dict['dest_columns'])) -}}
{%- endmacro %}

{% macro get_incremental_delete_insert_sql(arg_dict) -%}
  {{- return(get_delete_insert_merge_sql(arg_dict['target_relation'], arg_dict['temp_relation'],
      arg_dict['unique_key'], arg_dict['dest_columns'], arg_dict['incremental_predicates'])) -}}
{%- endmacro %}

{#- dbt-duckdb's default strategy is delete+insert -#}
{% macro get_incremental_default_sql(arg_dict) -%}
  {{- return(get_incremental_delete_insert_sql(arg_dict)) -}}
{%- endmacro %}

{#- delete the target's rows whose key the new rows have (and the predicates match), then insert the new rows -#}
{% macro get_delete_insert_merge_sql(target, source, unique_key, dest_columns, incremental_predicates=none) -%}
  {{- return(adapter.dispatch('get_delete_insert_merge_sql', 'dbt')(target, source, unique_key, dest_columns,
      incremental_predicates)) -}}
{%- endmacro %}

{% macro default__get_delete_insert_merge_sql(target, source, unique_key, dest_columns, incremental_predicates) -%}
  {%- set predicates = [] if incremental_predicates is none else incremental_predicates -%}
  {%- if unique_key -%}
    {%- if unique_key is sequence and unique_key is not string -%}
delete from {{ target }} as DBT_INCREMENTAL_TARGET
using {{ source }}
where (
      {%- for key in unique_key %}
    {{ source }}.{{ key }} = DBT_INCREMENTAL_TARGET.{{ key }}{{ ' and' if not loop.last }}
      {%- endfor %}
      {%- for predicate in predicates %}
    and {{ predicate }}
      {%- endfor %}
);
    {%- else -%}
delete from {{ target }}
where ({{ unique_key }}) in (
    select ({{ unique_key }})
    from {{ source }}
)
      {%- for predicate in predicates %}
    and {{ predicate }}
      {%- endfor %};
    {%- endif %}

  {% endif -%}
{{ get_insert_into_sql(target, source, dest_columns) }}
{%- endmacro %}
