{% snapshot customer_tiers %}
{{ config(
    unique_key=['id', 'name'],
    strategy='check',
    check_cols=['tier'],
    updated_at='updated_at',
    snapshot_meta_column_names={'dbt_valid_from': 'valid_from', 'dbt_valid_to': 'valid_to',
                                'dbt_scd_id': 'version_id', 'dbt_updated_at': 'changed_at'}
) }}
select id, name, tier, cast(updated_at as timestamp) as updated_at from {{ ref('customers') }}
{% endsnapshot %}

{% snapshot customers_current_marked %}
{{ config(target_schema='marked', unique_key='id', strategy='timestamp', updated_at='updated_at',
          dbt_valid_to_current="'9999-12-31'::timestamp") }}
select * from {{ ref('customers') }}
{% endsnapshot %}
