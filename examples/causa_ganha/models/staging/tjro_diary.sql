{{ config(materialized='table') }}

-- One row per judgement found in the TJRO diary extracts under raw/.
select
    dj.id,
    dj.date,
    dj.url_archive,
    dj.file_hash,
    dj.partes
from read_parquet('raw/tjro_diary_*.parquet') as dj
