{{ config(materialized='my_mat', tag='first') }}
select * from (values (1, 'one'), (2, 'two')) as t(n, name)
