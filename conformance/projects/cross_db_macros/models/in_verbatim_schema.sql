{{ config(schema='verbatim') }}
select 1 as id
