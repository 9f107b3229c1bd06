select
    '{{ var('region') }}' as region_scoped_wins,
    {{ var('multiplier') }} as multiplier_from_cli,
    '{{ var('cli_only') }}' as cli_only,
    '{{ var('scoped_label') }}' as scoped_label,
    '{{ var('overridden') }}' as cli_beats_scoped,
    '{{ var('not_defined_anywhere', 'the_default') }}' as with_default,
    {{ var('min_qty', 99) }} as default_ignored,
    {{ var('statuses') | length }} as n_statuses,
    '{{ var('statuses') | join('/') }}' as statuses,
    {{ 'true' if var('also_missing', none) is none else 'false' }} as none_default
