select customer_id, total from {{ ref('customer_tiers') }} where tier = 'gold'
