select id, name, country from {{ ref('stg_customers') }}
