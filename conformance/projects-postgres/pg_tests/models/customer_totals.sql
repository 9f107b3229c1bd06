{{ config(materialized='table',
    indexes=[{'columns': ['customer_id'], 'unique': True}, {'columns': ['total', 'payments'], 'type': 'btree'},
             {'columns': ['methods'], 'type': 'hash'}],
    grants={'select': ['reporter', 'auditor']},
    pre_hook="insert into {{ target.schema }}.run_log values ('pre customer_totals', '{{ var(\"step\", \"one\") }}')",
    post_hook=["insert into {{ target.schema }}.run_log select 'post rows ' || count(*), '{{ var(\"step\", \"one\") }}' from {{ this }}",
               "comment on column {{ this }}.methods is 'set by a post-hook'"]) }}
select customer_id, count(*) as payments, sum(amount) as total, string_agg(distinct method, ',') as methods
from {{ ref('stg_payments') }}
group by customer_id
