{{ config(materialized='table') }}
select * from read_csv('seeds/nums.csv')
