select count(*) from {{ ref("summary") }}
