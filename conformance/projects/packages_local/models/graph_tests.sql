{#- the tests of the graph, as dbt-project-evaluator lists them: the root's source test once, in the root package -#}
{%- if execute -%}
{%- set tests = graph.nodes.values() | selectattr('resource_type', 'equalto', 'test') | list -%}
select
    '{{ tests | map(attribute='unique_id') | sort | join(',') }}' as test_ids,
    '{{ tests | map(attribute='package_name') | unique | sort | join(',') }}' as test_packages
{%- else -%}
select 1 as parsing
{%- endif %}
