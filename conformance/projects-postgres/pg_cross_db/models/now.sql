select {{ dbt.current_timestamp() }} <= now() + interval '1 minute' as recent,
  pg_typeof({{ dbt.current_timestamp() }})::text as now_type,
  pg_typeof({{ dbt.current_timestamp_backcompat() }})::text as backcompat_type,
  pg_typeof({{ dbt.current_timestamp_in_utc_backcompat() }})::text as utc_type
