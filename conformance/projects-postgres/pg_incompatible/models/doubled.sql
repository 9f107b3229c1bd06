select n * 2 as n2 from {{ ref('nums') }}
