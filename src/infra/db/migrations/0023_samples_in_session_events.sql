-- Sampled values are stored in their message's session_events row instead of one meter_values row
-- each (ADR 112): a meter value with N samples writes one row, not 1 + N. meter_values keeps what was
-- stored before and is no longer written; the meter_samples view reads both.
ALTER TABLE "session_events" ADD COLUMN "samples" jsonb;--> statement-breakpoint
-- A session's last energy register reading, which the next reading continues from, was read back
-- from meter_values on every cache miss; it is now a column. Rows stored before this migration get
-- readings_in_row = false (no table rewrite: the default is applied as metadata), new rows true.
ALTER TABLE "sessions" ADD COLUMN "last_reading_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "last_reading_wh" numeric;--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "readings_in_row" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "sessions" ALTER COLUMN "readings_in_row" SET DEFAULT true;--> statement-breakpoint
-- seq orders values of the same sampled_at in the order received: legacy rows first (negative),
-- then by event id and position within the event (2^20 samples per message at most). event_id: the
-- session_events row a value came with (null for legacy rows).
CREATE VIEW "meter_samples" AS
SELECT m.tenant_id, m.station_id, m.session_id, m.evse_id, m.sampled_at, m.measurand, m.phase, m.location, m.context, m.unit, m.value, m.signed,
  m.id - 4611686018427387904 AS seq, NULL::bigint AS event_id
FROM meter_values m
UNION ALL
SELECT e.tenant_id, e.station_id, e.session_id, s.evse_id, s.sampled_at, s.measurand, s.phase, s.location, s.context, s.unit, s.value, s.signed,
  e.id * 1048576 + s.n AS seq, e.id AS event_id
FROM session_events e
CROSS JOIN LATERAL ROWS FROM (jsonb_to_recordset(e.samples) AS (evse_id integer, sampled_at timestamptz, measurand text, phase text, location text,
  context text, unit text, value numeric, signed jsonb)) WITH ORDINALITY AS s(evse_id, sampled_at, measurand, phase, location, context, unit, value, signed, n)
WHERE e.samples IS NOT NULL;
