{#- Stands in for the fetcher of seed 004: appends the pump export's new events to
    raw_events (ids come from the sequence); events already fetched are skipped. -#}
{% macro load_pump_export(path) %}
insert into raw_events (source_event_id, event_type, event_ts, payload)
select source_event_id, event_type, event_ts, payload
from read_csv('{{ path }}', header = true,
              columns = {'source_event_id': 'BIGINT', 'event_type': 'VARCHAR',
                         'event_ts': 'TIMESTAMP', 'payload': 'VARCHAR'})
where source_event_id not in (select source_event_id from raw_events)
order by source_event_id
{% endmacro %}
