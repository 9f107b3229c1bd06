{% snapshot by_timestamp %}
{{ config(unique_key='id', strategy='timestamp', updated_at='updated_at', hard_deletes='invalidate') }}
select id, name, tier, updated_at from {{ ref('customers') }}
{% endsnapshot %}

{% snapshot by_check %}
{{ config(unique_key='id', strategy='check', check_cols=['tier'], hard_deletes='invalidate') }}
select id, name, tier from {{ ref('customers') }}
{% endsnapshot %}

{% snapshot by_check_all %}
{{ config(unique_key=['id', 'name'], strategy='check', check_cols='all', updated_at='updated_at') }}
select id, name, tier, updated_at from {{ ref('customers') }}
{% endsnapshot %}

{% snapshot new_records %}
{{ config(unique_key='id', strategy='timestamp', updated_at='updated_at', hard_deletes='new_record',
          snapshot_meta_column_names={'dbt_valid_from': 'valid_from', 'dbt_valid_to': 'valid_to'}) }}
select id, name, tier, updated_at from {{ ref('customers') }}
{% endsnapshot %}

{% snapshot marked_current %}
{{ config(target_schema=target.schema ~ '_history', unique_key='id', strategy='timestamp', updated_at='updated_at',
          dbt_valid_to_current="'9999-12-31'::timestamp") }}
select * from {{ ref('customers') }}
{% endsnapshot %}
