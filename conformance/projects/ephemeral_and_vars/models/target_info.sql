{{ config(materialized='view') }}
select
    '{{ target.name }}' as target_name,
    '{{ target.schema }}' as target_schema,
    '{{ target.type }}' as target_type,
    '{{ target.database }}' as target_database,
    '{{ target.profile_name }}' as profile_name,
    {% if target.name == 'conformance' %}'conformance-target'{% else %}'other-target'{% endif %} as branch,
    '{{ this.schema }}' as this_schema,
    '{{ this.identifier }}' as this_identifier
