-- migrate:up
CREATE SEQUENCE raw_events_id_seq START 1;
CREATE TABLE raw_events (
    id BIGINT PRIMARY KEY DEFAULT nextval('raw_events_id_seq'),
    source_event_id BIGINT NOT NULL UNIQUE,
    event_type VARCHAR NOT NULL,
    event_ts TIMESTAMP NOT NULL,
    payload JSON,
    fetched_at TIMESTAMP NOT NULL DEFAULT current_timestamp
);

-- migrate:down
DROP TABLE raw_events;
DROP SEQUENCE raw_events_id_seq;
