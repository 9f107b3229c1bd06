{{ config(materialized='ephemeral') }}
select * from {{ ref('eph_big') }} where region in ({{ region_list() }})
