select
    {{ dbt.dateadd('day', 1, "date '2024-01-01'") }} as dateadd_qualified,
    {{ dateadd('day', 1, "date '2024-01-01'") }} as dateadd_unqualified,
    {{ dbt.concat(["'a'", "'b'"]) }} as concat_qualified,
    {{ dbt.last_day("date '2024-02-10'", 'month') }} as last_day,
    {{ dbt.split_part("'a-b-c'", "'-'", 2) }} as split_part
