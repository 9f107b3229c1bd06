{#- The offline stand-in for the fetcher of seed 004: appends the pump export's new events to
    raw_events (ids come from the sequence); events already loaded are skipped. When
    PUMP_API_URL (or the var pump_api_url) is set, ingest/pump_events.yml fetches the events
    from the API instead and this hook does nothing. -#}
{% macro load_pump_export(path) %}
{% if env_var('PUMP_API_URL', var('pump_api_url', '')) != '' %}
select 'raw events come from the API (ingest/pump_events.yml)' as load_pump_export
{% else %}
insert into raw_events (source_event_id, event_type, event_ts, payload)
select source_event_id, event_type, event_ts, payload
from read_csv('{{ path }}', header = true,
              columns = {'source_event_id': 'BIGINT', 'event_type': 'VARCHAR',
                         'event_ts': 'TIMESTAMP', 'payload': 'VARCHAR'})
where source_event_id not in (select source_event_id from raw_events)
order by source_event_id
{% endif %}
{% endmacro %}
