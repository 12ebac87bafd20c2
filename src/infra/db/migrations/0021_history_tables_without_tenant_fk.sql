-- The append-only history tables keep their tenant_id without a foreign key to tenants (ADR 109).
-- The FK's check ran per inserted row and took a KEY SHARE lock on the one tenant row, so every
-- concurrent group-commit batch of a tenant locked the same row (multixacts) for rows whose tenant
-- comes from a connected station or a session and is never deleted. Together with the station
-- index of meter_values, which no query reads, this was about a third of the cost of each sample row
-- (ADR 109 has the measurement). No row changes.
ALTER TABLE "connection_events" DROP CONSTRAINT "connection_events_tenant_id_tenants_id_fk";
--> statement-breakpoint
ALTER TABLE "connector_status_log" DROP CONSTRAINT "connector_status_log_tenant_id_tenants_id_fk";
--> statement-breakpoint
ALTER TABLE "station_events" DROP CONSTRAINT "station_events_tenant_id_tenants_id_fk";
--> statement-breakpoint
ALTER TABLE "meter_values" DROP CONSTRAINT "meter_values_tenant_id_tenants_id_fk";
--> statement-breakpoint
ALTER TABLE "session_events" DROP CONSTRAINT "session_events_tenant_id_tenants_id_fk";
--> statement-breakpoint
ALTER TABLE "event_log" DROP CONSTRAINT "event_log_tenant_id_tenants_id_fk";
--> statement-breakpoint
DROP INDEX "meter_values_station_idx";