{#- a model's properties as dbt-project-evaluator reads them from the graph -#}
{%- if execute -%}
{%- set me = graph.nodes['model.' ~ project_name ~ '.graph_properties'] -%}
select
    '{{ me.group }}' as group_name,
    '{{ me.access }}' as access,
    '{{ me.config.group }}|{{ me.config.access }}' as config_values,
    {{ me.columns.values() | list | selectattr('description') | list | length }} as described_columns,
    {%- set tests = graph.nodes.values() | selectattr('resource_type', 'equalto', 'test')
        | selectattr('attached_node', 'equalto', me.unique_id) | list %}
    '{{ tests | map(attribute='group') | join(',') }}|{{ tests | map(attribute='config') | map(attribute='group') | join(',') }}' as test_groups
{%- else -%}
select 1 as parsing
{%- endif %}
