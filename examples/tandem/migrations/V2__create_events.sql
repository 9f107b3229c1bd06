-- migrate:up
CREATE SEQUENCE events_id_seq START 1;
CREATE TABLE events (
    id BIGINT PRIMARY KEY DEFAULT nextval('events_id_seq'),
    raw_event_id BIGINT NOT NULL UNIQUE REFERENCES raw_events (id),
    event_type VARCHAR NOT NULL,
    event_ts TIMESTAMP NOT NULL
);
CREATE INDEX events_event_ts_idx ON events (event_ts);

-- migrate:down
DROP INDEX events_event_ts_idx;
DROP TABLE events;
DROP SEQUENCE events_id_seq;
