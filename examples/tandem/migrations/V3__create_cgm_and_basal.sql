-- migrate:up
CREATE SEQUENCE cgm_readings_id_seq START 1;
CREATE TABLE cgm_readings (
    id BIGINT PRIMARY KEY DEFAULT nextval('cgm_readings_id_seq'),
    event_id BIGINT NOT NULL UNIQUE REFERENCES events (id),
    reading_ts TIMESTAMP NOT NULL,
    glucose_mg_dl INTEGER NOT NULL CHECK (glucose_mg_dl BETWEEN 20 AND 600)
);
CREATE SEQUENCE basal_deliveries_id_seq START 1;
CREATE TABLE basal_deliveries (
    id BIGINT PRIMARY KEY DEFAULT nextval('basal_deliveries_id_seq'),
    event_id BIGINT NOT NULL UNIQUE REFERENCES events (id),
    delivery_ts TIMESTAMP NOT NULL,
    units_per_hour DECIMAL(6, 3) NOT NULL,
    delivery_type VARCHAR NOT NULL
);

-- migrate:down
DROP TABLE basal_deliveries;
DROP SEQUENCE basal_deliveries_id_seq;
DROP TABLE cgm_readings;
DROP SEQUENCE cgm_readings_id_seq;
