select currency, rate, valid_from from {{ source('files', 'rates') }}
