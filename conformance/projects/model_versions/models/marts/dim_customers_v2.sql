select id, name, country = 'FR' as is_french, lifetime_value from {{ ref('stg_customers') }}
