-- a comment
select id, amount from {{ ref("base") }}
union all
select id, amount from {{ ref("payments") }}
