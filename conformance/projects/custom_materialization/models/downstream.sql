select count(*) as rows_in_twice, sum(n) as total from {{ ref('twice') }}
