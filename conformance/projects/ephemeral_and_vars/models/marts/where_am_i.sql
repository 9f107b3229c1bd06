-- built into <target.schema>_<var mart_schema>
select '{{ this.schema }}' as built_in, '{{ target.schema }}' as target_schema,
       (select count(*) from {{ ref('order_facts') }}) as facts
