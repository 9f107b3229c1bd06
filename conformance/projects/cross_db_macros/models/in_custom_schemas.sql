{{ config(schema='extra') }}
select '{{ generate_schema_name_for_env('extra', none) }}' as for_env,
       {{ dbt.snapshot_string_as_time('2024-01-01 10:00:00') }} as as_time
