-- ref() without a version reads the latest (v2), not the prerelease v3
select count(*) as customers, sum(lifetime_value) as total from {{ ref('dim_customers') }}
