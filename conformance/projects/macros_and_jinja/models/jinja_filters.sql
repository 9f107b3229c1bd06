{%- set nums = [5, 3, 9, 1] -%}
select
    '{{ nums[1:3] | join(',') }}' as sliced,
    {{ nums | max }} - {{ nums | min }} as spread,
    {{ nums | sum }} as total,
    '{{ nums | sort | join(',') }}' as sorted_nums,
    '{{ range(3) | list | join(',') }}' as ranged,
    '{{ [1, 2, 2, 3] | unique | list | length }}' as n_unique,
    '{{ nums | first }}-{{ nums | last }}' as first_last,
    '{{ nums | reverse | join(',') }}' as reversed,
    '{{ ['b', 'a'] | map('upper') | join(',') }}' as mapped,
    '{{ [{'n': 2}, {'n': 1}] | map(attribute='n') | sort | join(',') }}' as attr_mapped,
    '{{ [1, 2, 3, 4] | select('odd') | join(',') }}' as selected,
    {{ -3 | abs }} as absolute,
    {{ 2.567 | round(1) }} as rounded,
    {{ '42' | int + 1 }} as to_int,
    '{{ 'x' | default('d') }}{{ undefined_thing | default('d') }}' as defaulted
