select * from {{ ref('tier_counts') }} where n > 1
