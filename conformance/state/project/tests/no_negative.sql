select * from {{ ref("summary") }} where amount < 0
