{{ config(location_root=var('export_root', 'exports'), partition_by='kind') }}
-- an external table: a folder of Parquet files, one sub-folder per kind, that
-- `mallard serve --parquet-dir <export_root>` serves as the dataset "exported"
select id, day, amount, kind from {{ ref('stg_events') }}
