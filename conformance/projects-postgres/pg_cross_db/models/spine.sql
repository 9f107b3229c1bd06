{{ dbt.date_spine('day', "'2024-01-01'::date", "'2024-01-08'::date") }}
