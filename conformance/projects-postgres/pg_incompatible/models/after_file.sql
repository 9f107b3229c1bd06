select count(*) as n from {{ ref('from_file') }}
