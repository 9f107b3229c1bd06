{#- on-run-end's results as dbt_artifacts reads them: one row per result -#}
{% macro record_results(results) %}
  {% if execute %}
    {% set rows = [] %}
    {% for result in results %}
      {% set node = result.node %}
      {% set response = result.adapter_response %}
      {% do rows.append("('" ~ node.unique_id ~ "', '" ~ result.status ~ "', '" ~ node.resource_type ~ "', '"
          ~ node.config.materialized ~ "', " ~ (result.failures if result.failures is not none else 'null') ~ ", '"
          ~ result.timing | map(attribute='name') | join('+') ~ "', "
          ~ (result.timing[0].started_at <= result.timing[1].completed_at) ~ ", "
          ~ (result.thread_id is string) ~ ", " ~ (result.execution_time is number) ~ ", '"
          ~ response.keys() | sort | join(',') ~ "', '" ~ response.get('_message', '') ~ "', "
          ~ response.get('rows_affected', 'null') ~ ", '" ~ (result.message or '') ~ "', '"
          ~ node.schema ~ "', '" ~ node.alias ~ "', '" ~ node.fqn | join('.') ~ "', '"
          ~ node.depends_on.nodes | join(',') ~ "', " ~ (node.compiled_code is string) ~ ", "
          ~ (node.raw_code | length > 0) ~ ")") %}
    {% endfor %}
    create or replace table main.run_results_seen as
    select * from (values {{ rows | join(',\n') }}) as t(unique_id, status, resource_type, materialized, failures,
      timing, timing_ordered, thread_is_str, time_is_num, response_keys, adapter_message, rows_affected, message,
      node_schema, node_alias, fqn, parents, has_compiled_code, has_raw_code);
  {% endif %}
{% endmacro %}
