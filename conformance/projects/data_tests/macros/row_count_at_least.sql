{# a generic test on a whole model: fails with one row when the model is too small #}
{% test row_count_at_least(model, min_rows) %}
select n from (select count(*) as n from {{ model }}) counted
where n < {{ min_rows }}
{% endtest %}
