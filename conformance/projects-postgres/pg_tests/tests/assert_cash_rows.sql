{{ config(warn_if='> 1', error_if='> 10') }}
select * from {{ ref('stg_payments') }} where method = 'cash'
