CREATE SEQUENCE "public"."ocpp16_transaction_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "api_keys" (
	"id" text PRIMARY KEY NOT NULL,
	"tenant_id" text,
	"name" text NOT NULL,
	"prefix" text NOT NULL,
	"secret_hash" text NOT NULL,
	"role" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "api_keys_secret_hash_unique" UNIQUE("secret_hash")
);
--> statement-breakpoint
CREATE TABLE "connection_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"tenant_id" text NOT NULL,
	"station_id" text NOT NULL,
	"kind" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"reason" text,
	"close_code" integer,
	"ocpp_version" text,
	"remote_address" text,
	"node_id" text NOT NULL,
	CONSTRAINT "connection_events_kind_check" CHECK ("connection_events"."kind" in ('connected', 'disconnected'))
);
--> statement-breakpoint
CREATE TABLE "connector_status" (
	"tenant_id" text NOT NULL,
	"station_id" text NOT NULL,
	"evse_id" integer NOT NULL,
	"connector_id" integer NOT NULL,
	"occupancy" text NOT NULL,
	"charging_state" text,
	"raw_status" text NOT NULL,
	"error_code" text,
	"vendor_error_code" text,
	"info" text,
	"reported_at" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	CONSTRAINT "connector_status_station_id_evse_id_connector_id_pk" PRIMARY KEY("station_id","evse_id","connector_id")
);
--> statement-breakpoint
CREATE TABLE "connector_status_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"tenant_id" text NOT NULL,
	"station_id" text NOT NULL,
	"evse_id" integer NOT NULL,
	"connector_id" integer NOT NULL,
	"occupancy" text NOT NULL,
	"charging_state" text,
	"raw_status" text NOT NULL,
	"error_code" text,
	"vendor_error_code" text,
	"info" text,
	"reported_at" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "station_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"tenant_id" text NOT NULL,
	"station_id" text NOT NULL,
	"kind" text NOT NULL,
	"occurred_at" timestamp with time zone,
	"received_at" timestamp with time zone NOT NULL,
	"payload" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stations" (
	"id" text PRIMARY KEY NOT NULL,
	"tenant_id" text NOT NULL,
	"display_name" text,
	"registration_status" text NOT NULL,
	"security_profile" smallint NOT NULL,
	"password_hash" text,
	"ocpp_version" text,
	"vendor" text,
	"model" text,
	"serial_number" text,
	"firmware_version" text,
	"iccid" text,
	"imsi" text,
	"boot_reason" text,
	"online" boolean DEFAULT false NOT NULL,
	"node_id" text,
	"last_boot_at" timestamp with time zone,
	"last_seen_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stations_tenant_id_id_unique" UNIQUE("tenant_id","id"),
	CONSTRAINT "stations_registration_status_check" CHECK ("stations"."registration_status" in ('Accepted', 'Pending', 'Rejected'))
);
--> statement-breakpoint
CREATE TABLE "tenants" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "connection_events" ADD CONSTRAINT "connection_events_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "connector_status" ADD CONSTRAINT "connector_status_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "connector_status" ADD CONSTRAINT "connector_status_station_fk" FOREIGN KEY ("tenant_id","station_id") REFERENCES "public"."stations"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "connector_status_log" ADD CONSTRAINT "connector_status_log_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "station_events" ADD CONSTRAINT "station_events_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stations" ADD CONSTRAINT "stations_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "connection_events_station_idx" ON "connection_events" USING btree ("tenant_id","station_id","id");--> statement-breakpoint
CREATE INDEX "connector_status_log_station_idx" ON "connector_status_log" USING btree ("tenant_id","station_id","reported_at");--> statement-breakpoint
CREATE INDEX "station_events_station_idx" ON "station_events" USING btree ("tenant_id","station_id","id");--> statement-breakpoint
CREATE INDEX "stations_node_id_idx" ON "stations" USING btree ("node_id") WHERE "stations"."node_id" is not null;--> statement-breakpoint
-- Hand-written (not generated): the tenant every single-tenant deployment uses.
INSERT INTO "tenants" ("id", "name") VALUES ('default', 'Default tenant') ON CONFLICT ("id") DO NOTHING;
