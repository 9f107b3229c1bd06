{{ config(file_format='parquet', partition_by='kind', clustered_by=['id'], buckets=2) }}
select id, amount, note, kind from {{ ref('stg_events') }}
