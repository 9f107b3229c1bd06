select
    user_id,
    display_name,
    plan,
    cast(signed_up_on as date) as signed_up_on
from {{ ref('raw_users') }}
