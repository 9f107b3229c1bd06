{{ config(materialized='incremental', incremental_strategy='microbatch', event_time='at', batch_size='day',
          begin='2024-01-01', unique_key='id', lookback=1) }}
select id, team_id, points, at from {{ ref('events') }}
