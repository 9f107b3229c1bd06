{%- set dt = modules.datetime -%}
{%- set d = dt.date(2024, 2, 28) -%}
{%- set later = d + dt.timedelta(days=2) -%}
{%- set stamp = dt.datetime(2024, 1, 2, 3, 4, 5) -%}
{%- set t = totals([3, 4, 5]) -%}
{%- set ns = namespace(found=false, label='none') -%}
{%- for row in [{'k': 'a', 'v': 1}, {'k': 'b', 'v': 2}] -%}
    {%- if row['v'] == 2 -%}
        {%- set ns.found = true -%}
        {%- set ns.label = row['k'] ~ loop.index -%}
    {%- endif -%}
{%- endfor -%}
select
    '{{ d.isoformat() }}' as d,
    '{{ later.strftime('%Y-%m-%d') }}' as d_plus_2,
    {{ later.day }} as later_day,
    {{ later.month }} as later_month,
    '{{ stamp.strftime('%Y%m%dT%H%M%S') }}' as stamp,
    '{{ stamp.isoformat() }}' as stamp_iso,
    '{{ dt.datetime.strptime('2024-03-05', '%Y-%m-%d').strftime('%d/%m/%Y') }}' as reparsed,
    {{ (dt.date(2024, 12, 25) - dt.date(2024, 1, 1)).days }} as days_between,
    {{ t['total'] }} as total,
    {{ t.count }} as n,
    '{{ t['seen'] | join(',') }}' as seen,
    {{ ns.found }} as found,
    '{{ ns.label }}' as label
