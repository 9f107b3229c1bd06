select
  cast('abc' as {{ dbt.type_string() }}) as s,
  cast('2024-01-02 03:04:05' as {{ dbt.type_timestamp() }}) as ts,
  cast(1.5 as {{ dbt.type_float() }}) as f,
  cast(2.25 as {{ dbt.type_numeric() }}) as n,
  cast(3 as {{ dbt.type_bigint() }}) as b,
  cast(4 as {{ dbt.type_int() }}) as i,
  cast('true' as {{ dbt.type_boolean() }}) as flag,
  '{{ dbt.type_string() }}|{{ dbt.type_timestamp() }}|{{ dbt.type_float() }}|{{ dbt.type_numeric() }}|{{ dbt.type_bigint() }}|{{ dbt.type_int() }}|{{ dbt.type_boolean() }}' as names,
  '{{ api.Column.translate_type("string") }}|{{ api.Column.translate_type("float") }}|{{ api.Column.translate_type("integer") }}' as translated
