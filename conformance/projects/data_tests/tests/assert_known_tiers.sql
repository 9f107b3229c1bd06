-- singular test that warns (2 rows) and stores its failures
{{ config(severity='warn', store_failures=true) }}
select id, tier_id from {{ ref('stg_customers') }}
where tier_id is null or tier_id not in (select tier_id from {{ ref('tiers') }})
