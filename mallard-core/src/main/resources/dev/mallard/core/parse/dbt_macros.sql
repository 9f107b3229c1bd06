{#- dbt's macro library (the `dbt` package), written for Mallard from dbt's documented
    behaviour and the SQL dbt-duckdb 1.11 renders. Each public macro `x` dispatches through
    adapter.dispatch('x', 'dbt') to duckdb__x (where dbt-duckdb has its own) or default__x,
    so a project macro named x, duckdb__x or default__x overrides it as in dbt.
    conformance/macros/record_expected.py records what dbt renders for each; the test
    DbtMacroLibraryTest compares. -#}


{#- ===== data types ===== -#}

{#- the type of text columns -#}
{% macro type_string() -%}
  {{ return(adapter.dispatch('type_string', 'dbt')()) }}
{%- endmacro %}

{% macro default__type_string() -%}
  {{ return(api.Column.translate_type('string')) }}
{%- endmacro %}

{#- the type of timestamps without time zone -#}
{% macro type_timestamp() -%}
  {{ return(adapter.dispatch('type_timestamp', 'dbt')()) }}
{%- endmacro %}

{% macro default__type_timestamp() -%}
  {{ return('timestamp') }}
{%- endmacro %}

{#- the type of floating-point numbers -#}
{% macro type_float() -%}
  {{ return(adapter.dispatch('type_float', 'dbt')()) }}
{%- endmacro %}

{% macro default__type_float() -%}
  {{ return('float') }}
{%- endmacro %}

{#- the type of fixed-point numbers -#}
{% macro type_numeric() -%}
  {{ return(adapter.dispatch('type_numeric', 'dbt')()) }}
{%- endmacro %}

{% macro default__type_numeric() -%}
  {{ return('numeric(28,6)') }}
{%- endmacro %}

{#- the type of 64-bit integers -#}
{% macro type_bigint() -%}
  {{ return(adapter.dispatch('type_bigint', 'dbt')()) }}
{%- endmacro %}

{% macro default__type_bigint() -%}
  {{ return('bigint') }}
{%- endmacro %}

{#- the type of integers -#}
{% macro type_int() -%}
  {{ return(adapter.dispatch('type_int', 'dbt')()) }}
{%- endmacro %}

{% macro default__type_int() -%}
  {{ return('integer') }}
{%- endmacro %}

{#- the type of booleans -#}
{% macro type_boolean() -%}
  {{ return(adapter.dispatch('type_boolean', 'dbt')()) }}
{%- endmacro %}

{% macro default__type_boolean() -%}
  {{ return('boolean') }}
{%- endmacro %}


{#- ===== aggregates ===== -#}

{#- any one value of the group -#}
{% macro any_value(expression) -%}
  {{ return(adapter.dispatch('any_value', 'dbt')(expression)) }}
{%- endmacro %}

{% macro default__any_value(expression) -%}
any_value({{ expression }})
{%- endmacro %}

{% macro duckdb__any_value(expression) -%}
arbitrary({{ expression }})
{%- endmacro %}

{#- true when the expression is true for any row of the group -#}
{% macro bool_or(expression) -%}
  {{ return(adapter.dispatch('bool_or', 'dbt')(expression)) }}
{%- endmacro %}

{% macro default__bool_or(expression) -%}
bool_or({{ expression }})
{%- endmacro %}

{#- the group's values joined by a delimiter, optionally ordered and limited to the first n -#}
{% macro listagg(measure, delimiter_text="','", order_by_clause=none, limit_num=none) -%}
  {{ return(adapter.dispatch('listagg', 'dbt')(measure, delimiter_text, order_by_clause, limit_num)) }}
{%- endmacro %}

{% macro default__listagg(measure, delimiter_text, order_by_clause, limit_num) -%}
  {%- if limit_num -%}
array_to_string(
        array_slice(
            array_agg(
                {{ measure }}
            ){% if order_by_clause %}within group ({{ order_by_clause }}){% endif %}
            ,0
            ,{{ limit_num }}
        ),
        {{ delimiter_text }}
        )
  {%- else %}
    listagg(
        {{ measure }},
        {{ delimiter_text }}
        )
        {% if order_by_clause -%} within group ({{ order_by_clause }}) {%- endif %}
  {%- endif %}
{%- endmacro %}

{% macro duckdb__listagg(measure, delimiter_text, order_by_clause, limit_num) -%}
  {%- if limit_num -%}
list_aggr(
        (array_agg(
            {{ measure }}
            {{ order_by_clause if order_by_clause else '' }}
        ))[1:{{ limit_num }}],
        'string_agg',
        {{ delimiter_text }}
        )
  {%- else %}
    string_agg(
        {{ measure }},
        {{ delimiter_text }}
        {{ order_by_clause if order_by_clause else '' }}
        )
  {%- endif %}
{%- endmacro %}


{#- ===== arrays ===== -#}

{#- an array literal of the given SQL expressions; an empty one is typed -#}
{% macro array_construct(inputs=[], data_type=api.Column.translate_type('integer')) -%}
  {{ return(adapter.dispatch('array_construct', 'dbt')(inputs, data_type)) }}
{%- endmacro %}

{% macro default__array_construct(inputs, data_type) -%}
  {% if inputs | length > 0 %}
    array[ {{ inputs | join(' , ') }} ]
    {% else %}
    array[]::{{ data_type }}[]
    {% endif %}
{%- endmacro %}

{#- the array with one element added at its end -#}
{% macro array_append(array, new_element) -%}
  {{ return(adapter.dispatch('array_append', 'dbt')(array, new_element)) }}
{%- endmacro %}

{% macro default__array_append(array, new_element) -%}
array_append({{ array }}, {{ new_element }})
{%- endmacro %}

{#- two arrays, one after the other -#}
{% macro array_concat(array_1, array_2) -%}
  {{ return(adapter.dispatch('array_concat', 'dbt')(array_1, array_2)) }}
{%- endmacro %}

{% macro default__array_concat(array_1, array_2) -%}
array_cat({{ array_1 }}, {{ array_2 }})
{%- endmacro %}


{#- ===== casts and literals ===== -#}

{#- a cast to the given type -#}
{% macro cast(field, type) -%}
  {{ return(adapter.dispatch('cast', 'dbt')(field, type)) }}
{%- endmacro %}

{% macro default__cast(field, type) %}
    cast({{ field }} as {{ type }})
{% endmacro %}

{#- a cast that gives null instead of failing; dbt-duckdb renders a plain cast -#}
{% macro safe_cast(field, type) -%}
  {{ return(adapter.dispatch('safe_cast', 'dbt')(field, type)) }}
{%- endmacro %}

{% macro default__safe_cast(field, type) %}
    {# DuckDB's plain cast, as dbt-duckdb renders it: a bad value fails #}
    cast({{ field }} as {{ type }})
{% endmacro %}

{#- a boolean as the text 'true' or 'false' -#}
{% macro cast_bool_to_text(field) -%}
  {{ return(adapter.dispatch('cast_bool_to_text', 'dbt')(field)) }}
{%- endmacro %}

{% macro default__cast_bool_to_text(field) %}
  {# true/false become 'true'/'false' #}
    cast({{ field }} as {{ api.Column.translate_type('string') }})

{% endmacro %}

{#- the value between single quotes, as it is (no escaping) -#}
{% macro string_literal(value) -%}
  {{ return(adapter.dispatch('string_literal', 'dbt')(value)) }}
{%- endmacro %}

{% macro default__string_literal(value) -%}
'{{ value }}'
{%- endmacro %}

{#- the text with each single quote doubled, for use inside a string literal -#}
{% macro escape_single_quotes(expression) -%}
  {{ return(adapter.dispatch('escape_single_quotes', 'dbt')(expression)) }}
{%- endmacro %}

{% macro default__escape_single_quotes(expression) -%}
{{ expression | replace("'", "''") }}
{%- endmacro %}


{#- ===== strings and comparison ===== -#}

{#- the expressions concatenated with || -#}
{% macro concat(fields) -%}
  {{ return(adapter.dispatch('concat', 'dbt')(fields)) }}
{%- endmacro %}

{% macro default__concat(fields) -%}
{{ fields | join(' || ') }}
{%- endmacro %}

{#- the md5 of the value as text -#}
{% macro hash(field) -%}
  {{ return(adapter.dispatch('hash', 'dbt')(field)) }}
{%- endmacro %}

{% macro default__hash(field) -%}
md5(cast({{ field }} as {{ api.Column.translate_type('string') }}))
{%- endmacro %}

{#- the number of characters -#}
{% macro length(expression) -%}
  {{ return(adapter.dispatch('length', 'dbt')(expression)) }}
{%- endmacro %}

{% macro default__length(expression) %}

    length(
        {{ expression }}
    )
{%- endmacro %}

{#- the 1-based position of a substring, 0 when absent -#}
{% macro position(substring_text, string_text) -%}
  {{ return(adapter.dispatch('position', 'dbt')(substring_text, string_text)) }}
{%- endmacro %}

{% macro default__position(substring_text, string_text) %}

    position(
        {{ substring_text }} in {{ string_text }}
    )
{%- endmacro %}

{#- every occurrence of old_chars replaced by new_chars -#}
{% macro replace(field, old_chars, new_chars) -%}
  {{ return(adapter.dispatch('replace', 'dbt')(field, old_chars, new_chars)) }}
{%- endmacro %}

{% macro default__replace(field, old_chars, new_chars) %}

    replace(
        {{ field }},
        {{ old_chars }},
        {{ new_chars }}
    )


{% endmacro %}

{#- the last length_expression characters -#}
{% macro right(string_text, length_expression) -%}
  {{ return(adapter.dispatch('right', 'dbt')(string_text, length_expression)) }}
{%- endmacro %}

{% macro default__right(string_text, length_expression) %}

    right(
        {{ string_text }},
        {{ length_expression }}
    )
{%- endmacro %}

{#- the part_number-th part of the text split on the delimiter (negative: from the end) -#}
{% macro split_part(string_text, delimiter_text, part_number) -%}
  {{ return(adapter.dispatch('split_part', 'dbt')(string_text, delimiter_text, part_number)) }}
{%- endmacro %}

{% macro default__split_part(string_text, delimiter_text, part_number) %}

    split_part(
        {{ string_text }},
        {{ delimiter_text }},
        {{ part_number }}
        )

{% endmacro %}

{% macro duckdb__split_part(string_text, delimiter_text, part_number) %}
    string_split({{ string_text }}, {{ delimiter_text }})[ {{ part_number }} ]
{% endmacro %}

{#- the two expressions compared with = -#}
{% macro equals(expr1, expr2) -%}
  {{ return(adapter.dispatch('equals', 'dbt')(expr1, expr2)) }}
{%- endmacro %}

{#- with the behaviour flag enable_truthy_nulls_equals_macro, two nulls are equal too -#}
{% macro default__equals(expr1, expr2) -%}
{%- if adapter.behavior.enable_truthy_nulls_equals_macro.no_warn -%}
case when (({{ expr1 }} = {{ expr2 }}) or ({{ expr1 }} is null and {{ expr2 }} is null)) then 0 else 1 end = 0
{%- else -%}
({{ expr1 }} = {{ expr2 }})
{%- endif %}
{% endmacro %}


{#- ===== set operators ===== -#}

{#- the keyword for rows of the first query absent from the second -#}
{% macro except() -%}
  {{ return(adapter.dispatch('except', 'dbt')()) }}
{%- endmacro %}

{% macro default__except() %}

    except

{% endmacro %}

{#- the keyword for rows present in both queries -#}
{% macro intersect() -%}
  {{ return(adapter.dispatch('intersect', 'dbt')()) }}
{%- endmacro %}

{% macro default__intersect() %}

    intersect

{% endmacro %}


{#- ===== dates and times ===== -#}

{#- the date of the given year, month and day (numbers) -#}
{% macro date(year, month, day) -%}
  {{ return(adapter.dispatch('date', 'dbt')(year, month, day)) }}
{%- endmacro %}

{% macro default__date(year, month, day) -%}
to_date('{{ "%04d" | format(year) }}-{{ "%02d" | format(month) }}-{{ "%02d" | format(day) }}', 'YYYY-MM-DD')
{%- endmacro %}

{% macro duckdb__date(year, month, day) -%}
make_date({{ year }}, {{ month }}, {{ day }})
{%- endmacro %}

{#- the date or timestamp truncated to the datepart -#}
{% macro date_trunc(datepart, date) -%}
  {{ return(adapter.dispatch('date_trunc', 'dbt')(datepart, date)) }}
{%- endmacro %}

{% macro default__date_trunc(datepart, date) -%}
date_trunc('{{ datepart }}', {{ date }})
{%- endmacro %}

{#- the date or timestamp moved by interval dateparts -#}
{% macro dateadd(datepart, interval, from_date_or_timestamp) -%}
  {{ return(adapter.dispatch('dateadd', 'dbt')(datepart, interval, from_date_or_timestamp)) }}
{%- endmacro %}

{% macro default__dateadd(datepart, interval, from_date_or_timestamp) %}

    dateadd(
        {{ datepart }},
        {{ interval }},
        {{ from_date_or_timestamp }}
        )

{% endmacro %}

{#- DuckDB has no quarter or week intervals: they are 3 months and 7 days -#}
{% macro duckdb__dateadd(datepart, interval, from_date_or_timestamp) %}

    {% if datepart == 'quarter' -%}
    ({{ from_date_or_timestamp }} + (cast({{ interval }} as bigint) * 3) * interval 1 month)
    {%- elif datepart == 'week' -%}
    ({{ from_date_or_timestamp }} + (cast({{ interval }} as bigint) * 7) * interval 1 day)
    {%- else -%}
    ({{ from_date_or_timestamp }} + cast({{ interval }} as bigint) * interval 1 {{ datepart }})
    {%- endif %}
{%- endmacro %}

{#- the number of datepart boundaries between two dates or timestamps -#}
{% macro datediff(first_date, second_date, datepart) -%}
  {{ return(adapter.dispatch('datediff', 'dbt')(first_date, second_date, datepart)) }}
{%- endmacro %}

{% macro default__datediff(first_date, second_date, datepart) -%}
datediff(
        {{ datepart }},
        {{ first_date }},
        {{ second_date }}
        )
{%- endmacro %}

{#- weeks are whole days divided by 7, plus one when the week boundary is crossed -#}
{% macro duckdb__datediff(first_date, second_date, datepart) -%}
  {%- if datepart == 'week' %}
            ({{ duckdb__datediff(first_date, second_date, 'day') }} // 7 + case
            when date_part('dow', ({{ first_date }})::timestamp) <= date_part('dow', ({{ second_date }})::timestamp) then
                case when {{ first_date }} <= {{ second_date }} then 0 else -1 end
            else
                case when {{ first_date }} <= {{ second_date }} then 1 else 0 end
        end)
    {% else %}
        (date_diff('{{ datepart }}', {{ first_date }}::timestamp, {{ second_date }}::timestamp ))
    {% endif -%}
{%- endmacro %}

{#- the last day of the datepart (month, quarter, year) the date is in -#}
{% macro last_day(date, datepart) -%}
  {{ return(adapter.dispatch('last_day', 'dbt')(date, datepart)) }}
{%- endmacro %}

{% macro default__last_day(date, datepart) -%}
cast(
        {{ dbt.dateadd('day', '-1', dbt.dateadd(datepart, '1', dbt.date_trunc(datepart, date))) }}
        as date)
{%- endmacro %}

{% macro duckdb__last_day(date, datepart) -%}
  {%- if datepart == 'quarter' -%}
-- duckdb dateadd does not support quarter interval.
    cast(
        {{ dbt.dateadd('day', '-1', dbt.dateadd('month', '3', dbt.date_trunc(datepart, date))) }}
        as date)
  {%- else -%}
    {{ dbt.default__last_day(date, datepart) }}
  {%- endif -%}
{%- endmacro %}

{#- the current timestamp -#}
{% macro current_timestamp() -%}
  {{ return(adapter.dispatch('current_timestamp', 'dbt')()) }}
{%- endmacro %}

{% macro default__current_timestamp() -%}
  {{ exceptions.raise_not_implemented('current_timestamp macro not implemented for adapter ' ~ adapter.type()) }}
{%- endmacro %}

{% macro duckdb__current_timestamp() -%}
now()
{%- endmacro %}

{#- the current timestamp, without time zone, as dbt rendered it before 1.0 -#}
{% macro current_timestamp_backcompat() -%}
  {{ return(adapter.dispatch('current_timestamp_backcompat', 'dbt')()) }}
{%- endmacro %}

{% macro default__current_timestamp_backcompat() %}
    current_timestamp::timestamp
{% endmacro %}

{#- the current UTC timestamp, without time zone, as dbt rendered it before 1.0 -#}
{% macro current_timestamp_in_utc_backcompat() -%}
  {{ return(adapter.dispatch('current_timestamp_in_utc_backcompat', 'dbt')()) }}
{%- endmacro %}

{% macro default__current_timestamp_in_utc_backcompat() %}
    current_timestamp::timestamp
{% endmacro %}

{#- the time snapshots record as dbt_updated_at / dbt_valid_from -#}
{% macro snapshot_get_time() -%}
  {{ return(adapter.dispatch('snapshot_get_time', 'dbt')()) }}
{%- endmacro %}

{% macro default__snapshot_get_time() -%}
  {{ current_timestamp() }}
{%- endmacro %}

{% macro duckdb__snapshot_get_time() -%}
  {{ current_timestamp() }}::timestamp
{%- endmacro %}


{#- ===== series and date spines ===== -#}

{#- how many powers of two (at least one) reach upper_bound: the cross joins generate_series needs -#}
{% macro get_powers_of_two(upper_bound) -%}
  {{ return(adapter.dispatch('get_powers_of_two', 'dbt')(upper_bound)) }}
{%- endmacro %}

{% macro default__get_powers_of_two(upper_bound) -%}
  {%- if upper_bound <= 0 -%}
    {{ exceptions.raise_compiler_error('upper bound must be positive') }}
  {%- endif -%}
  {%- for power in range(1, 64) if 2 ** power >= upper_bound -%}
    {%- if loop.first -%}{{ return(power) }}{%- endif -%}
  {%- endfor -%}
{%- endmacro %}

{#- a query of the numbers 1..upper_bound in the column generated_number -#}
{% macro generate_series(upper_bound) -%}
  {{ return(adapter.dispatch('generate_series', 'dbt')(upper_bound)) }}
{%- endmacro %}

{#- without a series function: binary digits from cross joins of {0, 1} -#}
{% macro default__generate_series(upper_bound) %}

    {% set n = dbt.get_powers_of_two(upper_bound) %}

    with p as (
        select 0 as generated_number union all select 1
    ), unioned as (

    select

    {% for i in range(n) %}
    p{{ i }}.generated_number * power(2, {{ i }})
    {% if not loop.last %} + {% endif %}
    {% endfor %}
    + 1
    as generated_number

    from

    {% for i in range(n) %}
    p as p{{ i }}
    {% if not loop.last %} cross join {% endif %}
    {% endfor %}

    )

    select *
    from unioned
    where generated_number <= {{ upper_bound }}
    order by generated_number

{% endmacro %}

{% macro duckdb__generate_series(upper_bound) %}
    select
        generate_series as generated_number
    from generate_series(1, {{ upper_bound }})
{% endmacro %}

{#- the number of dateparts between two dates, asked of the database (1 while parsing) -#}
{% macro get_intervals_between(start_date, end_date, datepart) -%}
  {{ return(adapter.dispatch('get_intervals_between', 'dbt')(start_date, end_date, datepart)) }}
{%- endmacro %}

{% macro default__get_intervals_between(start_date, end_date, datepart) -%}
  {%- call statement('get_intervals_between', fetch_result=True) %}
    select {{ dbt.datediff(start_date, end_date, datepart) }}
  {%- endcall -%}
  {%- if execute -%}
    {{ return(load_result('get_intervals_between')['data'][0][0] | int) }}
  {%- else -%}
    {{ return(1) }}
  {%- endif -%}
{%- endmacro %}

{#- a query of every datepart from start_date up to end_date (excluded), in column date_<datepart> -#}
{% macro date_spine(datepart, start_date, end_date) -%}
  {{ return(adapter.dispatch('date_spine', 'dbt')(datepart, start_date, end_date)) }}
{%- endmacro %}

{% macro default__date_spine(datepart, start_date, end_date) %}


    {# one row per interval: the database counts them (get_intervals_between) #}


    with rawdata as (

        {{ dbt.generate_series(dbt.get_intervals_between(start_date, end_date, datepart)) }}

    ),

    all_periods as (

        select (
            {{ dbt.dateadd(datepart, 'row_number() over (order by 1) - 1', start_date) }}
        ) as date_{{ datepart }}
        from rawdata

    ),

    filtered as (

        select *
        from all_periods
        where date_{{ datepart }} <= {{ end_date }}

    )

    select * from filtered

{% endmacro %}


{#- ===== configuration ===== -#}

{#- whether this model rebuilds from scratch: its full_refresh config, else --full-refresh -#}
{% macro should_full_refresh() -%}
  {%- set from_config = config.get('full_refresh') -%}
  {%- if from_config is none -%}
    {%- set from_config = flags.FULL_REFRESH if flags is defined and flags.FULL_REFRESH is defined else false -%}
  {%- endif -%}
  {{ return(from_config) }}
{%- endmacro %}

{#- whether this test stores its failures: its store_failures_as config (unless ephemeral), else its
    store_failures config, else --store-failures -#}
{% macro should_store_failures() -%}
  {%- set stored_as = config.get('store_failures_as') -%}
  {%- if stored_as is not none -%}
    {{ return(stored_as | string | lower | trim != 'ephemeral') }}
  {%- endif -%}
  {%- set from_config = config.get('store_failures') -%}
  {%- if from_config is none -%}
    {%- set from_config = flags.STORE_FAILURES if flags is defined and flags.STORE_FAILURES is defined else false -%}
  {%- endif -%}
  {{ return(from_config) }}
{%- endmacro %}

{#- {% call set_sql_header(config) %}...{% endcall %} sets the model's sql_header config -#}
{% macro set_sql_header(config) -%}
  {{ config.set('sql_header', caller()) }}
{%- endmacro %}


{#- ===== relations ===== -#}

{#- the relation as it exists in the database, or none -#}
{% macro load_cached_relation(relation) -%}
  {{ return(adapter.get_relation(database=relation.database, schema=relation.schema,
                                 identifier=relation.identifier)) }}
{%- endmacro %}

{#- the same as load_cached_relation -#}
{% macro load_relation(relation) -%}
  {{ return(load_cached_relation(relation)) }}
{%- endmacro %}

{#- the columns of a relation, as adapter.get_columns_in_relation gives them -#}
{% macro get_columns_in_relation(relation) -%}
  {{ return(adapter.get_columns_in_relation(relation)) }}
{%- endmacro %}

{#- the relation's database and schema, quoted: the schema a relation lives in -#}
{% macro _schema_of(relation) -%}
  {%- if relation.database -%}{{ adapter.quote(relation.database) }}.{%- endif -%}
  {{ adapter.quote(relation.schema) }}
{%- endmacro %}

{#- creates the relation's schema when it does not exist -#}
{% macro create_schema(relation) -%}
  {{ adapter.dispatch('create_schema', 'dbt')(relation) }}
{%- endmacro %}

{% macro default__create_schema(relation) -%}
  {%- call statement('create_schema') -%}
    create schema if not exists {{ _schema_of(relation) }}
  {%- endcall -%}
{%- endmacro %}

{#- drops the relation's schema and everything in it -#}
{% macro drop_schema(relation) -%}
  {{ adapter.dispatch('drop_schema', 'dbt')(relation) }}
{%- endmacro %}

{% macro default__drop_schema(relation) -%}
  {%- call statement('drop_schema') -%}
    drop schema if exists {{ _schema_of(relation) }} cascade
  {%- endcall -%}
{%- endmacro %}

{#- drops the table or view (and what depends on it) -#}
{% macro drop_relation(relation) -%}
  {{ return(adapter.dispatch('drop_relation', 'dbt')(relation)) }}
{%- endmacro %}

{% macro default__drop_relation(relation) -%}
  {%- call statement('drop_relation', auto_begin=False) -%}
    drop {{ relation.type }} if exists {{ relation }} cascade
  {%- endcall -%}
{%- endmacro %}

{#- drops the relation unless it is none -#}
{% macro drop_relation_if_exists(relation) -%}
  {%- if relation is not none -%}
    {{ drop_relation(relation) }}
  {%- endif -%}
{%- endmacro %}

{#- deletes every row of the table -#}
{% macro truncate_relation(relation) -%}
  {{ return(adapter.dispatch('truncate_relation', 'dbt')(relation)) }}
{%- endmacro %}

{% macro default__truncate_relation(relation) -%}
  {%- call statement('truncate_relation') -%}
    truncate table {{ relation }}
  {%- endcall -%}
{%- endmacro %}

{#- renames a table or view within its schema to to_relation's identifier -#}
{% macro rename_relation(from_relation, to_relation) -%}
  {{ return(adapter.dispatch('rename_relation', 'dbt')(from_relation, to_relation)) }}
{%- endmacro %}

{% macro default__rename_relation(from_relation, to_relation) -%}
  {%- call statement('rename_relation') -%}
    alter {{ from_relation.type }} {{ from_relation }} rename to {{ adapter.quote(to_relation.identifier) }}
  {%- endcall -%}
{%- endmacro %}


{#- ===== where nodes are built (Mallard names nodes in Java unless the project overrides these) ===== -#}

{#- the schema of a node: the target's, suffixed with _<custom schema> when one is configured -#}
{% macro generate_schema_name(custom_schema_name=none, node=none) -%}
  {{ return(adapter.dispatch('generate_schema_name', 'dbt')(custom_schema_name, node)) }}
{%- endmacro %}

{% macro default__generate_schema_name(custom_schema_name, node) -%}
  {%- if custom_schema_name is none -%}
    {{ target.schema }}
  {%- else -%}
    {{ target.schema }}_{{ custom_schema_name | trim }}
  {%- endif -%}
{%- endmacro %}

{#- the custom schema as it is on a target named prod, else the target's schema -#}
{% macro generate_schema_name_for_env(custom_schema_name, node) -%}
  {%- if target.name == 'prod' and custom_schema_name is not none -%}
    {{ custom_schema_name | trim }}
  {%- else -%}
    {{ target.schema }}
  {%- endif -%}
{%- endmacro %}

{#- the database of a node: the custom one when configured, else the target's -#}
{% macro generate_database_name(custom_database_name=none, node=none) -%}
  {{ return(adapter.dispatch('generate_database_name', 'dbt')(custom_database_name, node)) }}
{%- endmacro %}

{% macro default__generate_database_name(custom_database_name=none, node=none) -%}
  {%- if custom_database_name is none -%}
    {{ target.database }}
  {%- else -%}
    {{ custom_database_name }}
  {%- endif -%}
{%- endmacro %}

{#- the identifier of a node: its alias, else its name (with _v<version> for a versioned model) -#}
{% macro generate_alias_name(custom_alias_name=none, node=none) -%}
  {{ return(adapter.dispatch('generate_alias_name', 'dbt')(custom_alias_name, node)) }}
{%- endmacro %}

{% macro default__generate_alias_name(custom_alias_name=none, node=none) -%}
  {%- if custom_alias_name -%}
    {{ custom_alias_name | trim }}
  {%- elif node.version -%}
    {{ node.name ~ '_v' ~ (node.version | string | replace('.', '_')) }}
  {%- else -%}
    {{ node.name }}
  {%- endif -%}
{%- endmacro %}

{#- a snapshot's timestamp text as a timestamp literal -#}
{% macro snapshot_string_as_time(timestamp) -%}
  {{ return(adapter.dispatch('snapshot_string_as_time', 'dbt')(timestamp)) }}
{%- endmacro %}

{% macro duckdb__snapshot_string_as_time(timestamp) -%}
  {{ return("'" ~ timestamp ~ "'::timestamp") }}
{%- endmacro %}


{#- ===== for materializations written in Jinja (custom materializations) ===== -#}

{#- runs the rendered hooks (pre_hooks / post_hooks) inside or outside the transaction -#}
{% macro run_hooks(hooks, inside_transaction=True) -%}
  {%- for hook in hooks | selectattr('transaction', 'equalto', inside_transaction) -%}
    {%- if hook.get('sql', '') | trim -%}
      {%- call statement(auto_begin=inside_transaction) -%}
        {{ hook.get('sql') }}
      {%- endcall -%}
    {%- endif -%}
  {%- endfor -%}
{%- endmacro %}

{#- a relation named like base_relation plus a suffix, for building before swapping in -#}
{% macro make_temp_relation(base_relation, suffix='__dbt_tmp') -%}
  {{ return(adapter.dispatch('make_temp_relation', 'dbt')(base_relation, suffix)) }}
{%- endmacro %}

{% macro default__make_temp_relation(base_relation, suffix) -%}
  {{ return(base_relation.incorporate(path={"identifier": base_relation.identifier ~ suffix})) }}
{%- endmacro %}

{#- DuckDB's: a temporary table (no schema or database), unique by the time -#}
{% macro duckdb__make_temp_relation(base_relation, suffix) -%}
  {%- set identifier = base_relation.identifier ~ suffix ~ py_current_timestring() -%}
  {{ return(base_relation.incorporate(path={"identifier": identifier, "schema": none, "database": none})) }}
{%- endmacro %}

{% macro make_intermediate_relation(base_relation, suffix='__dbt_tmp') -%}
  {{ return(adapter.dispatch('make_intermediate_relation', 'dbt')(base_relation, suffix)) }}
{%- endmacro %}

{% macro default__make_intermediate_relation(base_relation, suffix) -%}
  {{ return(default__make_temp_relation(base_relation, suffix)) }}
{%- endmacro %}

{% macro make_backup_relation(base_relation, backup_relation_type, suffix='__dbt_backup') -%}
  {{ return(adapter.dispatch('make_backup_relation', 'dbt')(base_relation, backup_relation_type, suffix)) }}
{%- endmacro %}

{% macro default__make_backup_relation(base_relation, backup_relation_type, suffix) -%}
  {%- set backup = default__make_temp_relation(base_relation, suffix) -%}
  {{ return(backup.incorporate(type=backup_relation_type)) }}
{%- endmacro %}

{#- the statement that creates a table (temporary or not) from a query -#}
{% macro get_create_table_as_sql(temporary, relation, sql) -%}
  {{ adapter.dispatch('get_create_table_as_sql', 'dbt')(temporary, relation, sql) }}
{%- endmacro %}

{% macro default__get_create_table_as_sql(temporary, relation, sql) -%}
  {{ return(create_table_as(temporary, relation, sql)) }}
{%- endmacro %}

{% macro create_table_as(temporary, relation, compiled_code, language='sql') -%}
  {{ adapter.dispatch('create_table_as', 'dbt')(temporary, relation, compiled_code, language) }}
{%- endmacro %}

{% macro default__create_table_as(temporary, relation, sql, language='sql') -%}
  {%- set sql_header = config.get('sql_header', none) -%}
  {{ sql_header if sql_header is not none }}
  create {% if temporary %}temporary {% endif %}table
    {{ relation.include(database=(not temporary), schema=(not temporary)) }}
  as (
    {{ sql }}
  );
{%- endmacro %}

{#- the statement that creates a view of a query -#}
{% macro get_create_view_as_sql(relation, sql) -%}
  {{ adapter.dispatch('get_create_view_as_sql', 'dbt')(relation, sql) }}
{%- endmacro %}

{% macro default__get_create_view_as_sql(relation, sql) -%}
  {{ return(create_view_as(relation, sql)) }}
{%- endmacro %}

{% macro create_view_as(relation, sql) -%}
  {{ adapter.dispatch('create_view_as', 'dbt')(relation, sql) }}
{%- endmacro %}

{% macro default__create_view_as(relation, sql) -%}
  {%- set sql_header = config.get('sql_header', none) -%}
  {{ sql_header if sql_header is not none }}
  create view {{ relation }} as (
    {{ sql }}
  );
{%- endmacro %}

{#- whether grants the config lacks are revoked: from any relation that exists (grants are copied) -#}
{% macro should_revoke(existing_relation, full_refresh_mode=True) -%}
  {%- if not existing_relation -%}
    {{ return(False) }}
  {%- elif full_refresh_mode -%}
    {{ return(copy_grants()) }}
  {%- else -%}
    {{ return(True) }}
  {%- endif -%}
{%- endmacro %}

{#- whether a replaced relation keeps its grants -#}
{% macro copy_grants() -%}
  {{ return(adapter.dispatch('copy_grants', 'dbt')()) }}
{%- endmacro %}

{% macro default__copy_grants() -%}
  {{ return(True) }}
{%- endmacro %}

{#- DuckDB has no GRANT: applying grants does nothing, as on dbt-duckdb -#}
{% macro apply_grants(relation, grant_config, should_revoke=True) -%}
{%- endmacro %}

{#- column and relation comments (persist_docs) are not written by Jinja materializations yet -#}
{% macro persist_docs(relation, model, for_relation=True, for_columns=True) -%}
{%- endmacro %}

{#- ===== catalog queries packages make ===== -#}

{#- the query wrapped so that it returns its columns and no rows -#}
{% macro get_empty_subquery_sql(select_sql, select_sql_header=none) -%}
  {{ return(adapter.dispatch('get_empty_subquery_sql', 'dbt')(select_sql, select_sql_header)) }}
{%- endmacro %}

{% macro default__get_empty_subquery_sql(select_sql, select_sql_header=none) -%}
  {%- if select_sql_header is not none -%}
  {{ select_sql_header }}
  {%- endif -%}
  select * from (
        {{ select_sql }}
    ) as __dbt_sbq
    where false
    limit 0
{% endmacro %}

{#- the names of the columns a query returns -#}
{% macro get_columns_in_query(select_sql) -%}
  {{ return(adapter.dispatch('get_columns_in_query', 'dbt')(select_sql)) }}
{%- endmacro %}

{% macro default__get_columns_in_query(select_sql) -%}
  {%- call statement('get_columns_in_query', fetch_result=True, auto_begin=False) -%}
    {{ get_empty_subquery_sql(select_sql) }}
  {%- endcall -%}
  {{ return(load_result('get_columns_in_query').table.columns | map(attribute='name') | list) }}
{%- endmacro %}

{#- the tables and views of a schema: a table of database, name, schema and type -#}
{% macro list_relations_without_caching(schema_relation) -%}
  {{ return(adapter.dispatch('list_relations_without_caching', 'dbt')(schema_relation)) }}
{%- endmacro %}

{% macro default__list_relations_without_caching(schema_relation) -%}
  {%- call statement('list_relations_without_caching', fetch_result=True) -%}
    select '{{ schema_relation.database }}' as database, table_name as name, table_schema as schema,
      case table_type when 'BASE TABLE' then 'table' when 'VIEW' then 'view'
                      when 'LOCAL TEMPORARY' then 'table' end as type
    from system.information_schema.tables
    where lower(table_schema) = '{{ schema_relation.schema | lower }}'
      and lower(table_catalog) = '{{ schema_relation.database | lower }}'
  {%- endcall -%}
  {{ return(load_result('list_relations_without_caching').table) }}
{%- endmacro %}

{#- the schemas of a database (all databases when none) -#}
{% macro list_schemas(database) -%}
  {{ return(adapter.dispatch('list_schemas', 'dbt')(database)) }}
{%- endmacro %}

{% macro default__list_schemas(database) -%}
  {%- set sql -%}
    select schema_name from system.information_schema.schemata
    {% if database is not none %}where lower(catalog_name) = '{{ database | lower }}'{% endif %}
  {%- endset -%}
  {{ return(run_query(sql)) }}
{%- endmacro %}

{#- a one-row table counting the schemas of that name in the information schema's database -#}
{% macro check_schema_exists(information_schema, schema) -%}
  {{ return(adapter.dispatch('check_schema_exists', 'dbt')(information_schema, schema)) }}
{%- endmacro %}

{% macro default__check_schema_exists(information_schema, schema) -%}
  {%- set sql -%}
    select count(*) from system.information_schema.schemata
    where lower(schema_name) = '{{ schema | lower }}'
      and lower(catalog_name) = '{{ information_schema.database | lower }}'
  {%- endset -%}
  {{ return(run_query(sql)) }}
{%- endmacro %}

{#- [exists, relation]: the relation found in the database, else a new one of the given type -#}
{% macro get_or_create_relation(database, schema, identifier, type) -%}
  {{ return(adapter.dispatch('get_or_create_relation', 'dbt')(database, schema, identifier, type)) }}
{%- endmacro %}

{% macro default__get_or_create_relation(database, schema, identifier, type) -%}
  {%- set found = adapter.get_relation(database=database, schema=schema, identifier=identifier) -%}
  {%- if found -%}
    {{ return([true, found]) }}
  {%- endif -%}
  {{ return([false, api.Relation.create(database=database, schema=schema, identifier=identifier, type=type)]) }}
{%- endmacro %}

{#- the current time as yyyymmddHHMMSSffffff, for unique names -#}
{% macro py_current_timestring() -%}
  {{ return(modules.datetime.datetime.now().strftime("%Y%m%d%H%M%S%f")) }}
{%- endmacro %}
