{% snapshot customers_history %}
{{ config(unique_key='id', strategy='timestamp', updated_at='updated_at') }}
select id, name, tier, cast(updated_at as timestamp) as updated_at from {{ ref('customers') }}
{% endsnapshot %}
