{#- the graph context variable, read as packages read it (dbt-codegen, dbt-project-evaluator); empty while parsing -#}
{%- if execute -%}
{%- set models = graph.nodes.values() | selectattr('resource_type', 'equalto', 'model') | list -%}
{%- set me = (models | selectattr('name', 'equalto', 'color_codes') | list).pop() -%}
{%- set seeds = graph.nodes.values() | selectattr('resource_type', 'equalto', 'seed') | map(attribute='name') | list -%}
select
    '{{ models | map(attribute='name') | sort | join(',') }}' as model_names,
    '{{ seeds | sort | join(',') }}' as seed_names,
    '{{ me.unique_id }}' as unique_id,
    '{{ me.config.materialized }}' as materialized,
    '{{ me.fqn | join('.') }}' as fqn,
    {{ me.raw_code | length }} as raw_code_length,
    '{{ graph.sources | length }}|{{ graph.exposures | length }}|{{ graph.keys() | sort | join(',') }}' as other_keys
{%- else -%}
select 1 as parsing
{%- endif %}
