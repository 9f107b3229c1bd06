{{ date_spine('month', "cast('2023-11-01' as date)", "cast('2024-03-01' as date)") }}
