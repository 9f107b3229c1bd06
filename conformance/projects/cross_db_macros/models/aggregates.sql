with v as (
    select * from (values (1, 'a', 'g'), (2, 'b', 'g'), (3, 'c', 'g'), (4, 'd', 'h'), (5, 'e', 'h')) t(n, s, grp)
)
select
    grp,
    {{ dbt.any_value("'same'") }} as any_one,
    {{ dbt.bool_or('n > 2') }} as some_big,
    {{ dbt.listagg('s', "', '", 'order by s desc') }} as all_s,
    {{ listagg('s', "'|'", 'order by n', 2) }} as first_two,
    {#- arrays as text: the harness compares scalar values -#}
    cast({{ dbt.array_construct(["1", "2"]) }} as varchar) as arr,
    cast({{ dbt.array_append(dbt.array_construct(["1"]), '5') }} as varchar) as appended,
    cast({{ dbt.array_concat(dbt.array_construct(["1"]), dbt.array_construct(["2", "3"])) }} as varchar) as concatenated,
    cast({{ dbt.array_construct([], 'varchar') }} as varchar) as empty_arr
from v
group by grp
