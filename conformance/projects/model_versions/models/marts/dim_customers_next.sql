select id, upper(name) as name, lifetime_value from {{ ref('stg_customers') }}
