select id, name, country, coalesce(lifetime_value, 0) as lifetime_value from {{ ref('raw_customers') }}
