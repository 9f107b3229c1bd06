-- depth 2: ephemeral over an ephemeral; --vars replaces the list var
select * from {{ ref('eph_orders') }}
where {{ status_filter('status') }}
