{# a table with one more column, `tagged`, from config.get('tag'); replaces what is there #}
{% materialization my_mat, adapter='duckdb' %}
  {%- set target_relation = this.incorporate(type='table') -%}
  {%- set tag = config.get('tag', 'untagged') -%}
  {%- set existing = adapter.get_relation(database=this.database, schema=this.schema,
                                          identifier=this.identifier) -%}
  {% if existing is not none %}
    {% do adapter.drop_relation(existing) %}
  {% endif %}
  {% call statement('main') -%}
    create table {{ target_relation }} as
    select *, '{{ tag }}' as tagged, '{{ this.identifier }}' as built_as
    from ({{ sql }}) as src
  {%- endcall %}
  {% do adapter.commit() %}
  {{ return({'relations': [target_relation]}) }}
{% endmaterialization %}
