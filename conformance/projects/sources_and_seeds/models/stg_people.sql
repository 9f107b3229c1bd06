-- depends_on: {{ ref('people') }}
select * from {{ source('landing_plain', 'people') }}
