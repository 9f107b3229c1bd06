{# a package's materialization, for any adapter: a view whose rows are doubled #}
{% materialization pkg_view_twice, default %}
  {%- set target_relation = this.incorporate(type='view') -%}
  {% call statement('main') -%}
    create or replace view {{ target_relation }} as
    select * from ({{ sql }}) as a union all select * from ({{ sql }}) as b
  {%- endcall %}
  {% do adapter.commit() %}
  {{ return({'relations': [target_relation]}) }}
{% endmaterialization %}
