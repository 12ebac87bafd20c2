CREATE SEQUENCE "public"."remote_start_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE SEQUENCE "public"."reservation_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "id_tokens" (
	"id" text PRIMARY KEY NOT NULL,
	"tenant_id" text NOT NULL,
	"id_token" text NOT NULL,
	"type" text NOT NULL,
	"group_id_token" text,
	"blocked" boolean DEFAULT false NOT NULL,
	"expires_at" timestamp with time zone,
	"language" text,
	"owner" text,
	"master_pass" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "id_tokens_tenant_value_unique" UNIQUE("tenant_id","id_token"),
	CONSTRAINT "id_tokens_tenant_id_unique" UNIQUE("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "local_list_entries" (
	"tenant_id" text NOT NULL,
	"station_id" text NOT NULL,
	"id_token" text NOT NULL,
	"entry" jsonb NOT NULL,
	"version" integer NOT NULL,
	CONSTRAINT "local_list_entries_station_id_id_token_pk" PRIMARY KEY("station_id","id_token"),
	CONSTRAINT "local_list_entries_version_check" CHECK ("local_list_entries"."version" > 0)
);
--> statement-breakpoint
CREATE TABLE "local_list_members" (
	"tenant_id" text NOT NULL,
	"station_id" text NOT NULL,
	"token_id" text NOT NULL,
	CONSTRAINT "local_list_members_station_id_token_id_pk" PRIMARY KEY("station_id","token_id")
);
--> statement-breakpoint
CREATE TABLE "station_authorization" (
	"tenant_id" text NOT NULL,
	"station_id" text PRIMARY KEY NOT NULL,
	"auth_cache_enabled" boolean,
	"local_list_enabled" boolean DEFAULT false NOT NULL,
	"local_list_version" integer DEFAULT 0 NOT NULL,
	"local_list_synced_at" timestamp with time zone,
	"local_list_sync_error" text
);
--> statement-breakpoint
CREATE TABLE "meter_values" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"tenant_id" text NOT NULL,
	"station_id" text NOT NULL,
	"session_id" text,
	"evse_id" integer NOT NULL,
	"sampled_at" timestamp with time zone NOT NULL,
	"measurand" text NOT NULL,
	"phase" text,
	"location" text,
	"context" text,
	"unit" text,
	"value" numeric NOT NULL,
	"signed" jsonb
);
--> statement-breakpoint
CREATE TABLE "reservations" (
	"id" integer PRIMARY KEY NOT NULL,
	"tenant_id" text NOT NULL,
	"station_id" text NOT NULL,
	"evse_id" integer,
	"connector_type" text,
	"id_token" text NOT NULL,
	"id_token_type" text,
	"group_id_token" text,
	"expires_at" timestamp with time zone NOT NULL,
	"status" text NOT NULL,
	"session_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "session_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"tenant_id" text NOT NULL,
	"session_id" text,
	"station_id" text NOT NULL,
	"kind" text NOT NULL,
	"seq_no" integer,
	"trigger_reason" text,
	"offline" boolean DEFAULT false NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"dedupe_key" text,
	"payload" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"tenant_id" text NOT NULL,
	"station_id" text NOT NULL,
	"evse_id" integer NOT NULL,
	"connector_id" integer,
	"ocpp_version" text NOT NULL,
	"external_id" text NOT NULL,
	"status" text NOT NULL,
	"id_token" text,
	"id_token_type" text,
	"group_id_token" text,
	"authorization_status" text,
	"authorization_method" text,
	"reservation_id" integer,
	"remote_start_id" integer,
	"started_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone,
	"meter_start_wh" numeric(20, 4),
	"meter_stop_wh" numeric(20, 4),
	"energy_wh" numeric(20, 4) DEFAULT '0' NOT NULL,
	"last_meter_at" timestamp with time zone,
	"charging_state" text,
	"stopped_reason" text,
	"last_seq_no" integer,
	"had_offline_events" boolean DEFAULT false NOT NULL,
	"anomalies" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sessions_station_external_unique" UNIQUE("station_id","external_id"),
	CONSTRAINT "sessions_tenant_id_unique" UNIQUE("tenant_id","id"),
	CONSTRAINT "sessions_status_check" CHECK ("sessions"."status" in ('active', 'completed', 'closed'))
);
--> statement-breakpoint
CREATE TABLE "station_commands" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"tenant_id" text NOT NULL,
	"station_id" text NOT NULL,
	"action" text NOT NULL,
	"payload" jsonb NOT NULL,
	"outcome" text,
	"response" jsonb,
	"requested_by" text,
	"session_id" text,
	"remote_start_id" integer,
	"sent_at" timestamp with time zone NOT NULL,
	"answered_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "id_tokens" ADD CONSTRAINT "id_tokens_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "local_list_entries" ADD CONSTRAINT "local_list_entries_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "local_list_entries" ADD CONSTRAINT "local_list_entries_station_fk" FOREIGN KEY ("tenant_id","station_id") REFERENCES "public"."stations"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "local_list_members" ADD CONSTRAINT "local_list_members_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "local_list_members" ADD CONSTRAINT "local_list_members_station_fk" FOREIGN KEY ("tenant_id","station_id") REFERENCES "public"."stations"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "local_list_members" ADD CONSTRAINT "local_list_members_token_fk" FOREIGN KEY ("tenant_id","token_id") REFERENCES "public"."id_tokens"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "station_authorization" ADD CONSTRAINT "station_authorization_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "station_authorization" ADD CONSTRAINT "station_authorization_station_fk" FOREIGN KEY ("tenant_id","station_id") REFERENCES "public"."stations"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meter_values" ADD CONSTRAINT "meter_values_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reservations" ADD CONSTRAINT "reservations_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reservations" ADD CONSTRAINT "reservations_station_fk" FOREIGN KEY ("tenant_id","station_id") REFERENCES "public"."stations"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_events" ADD CONSTRAINT "session_events_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_station_fk" FOREIGN KEY ("tenant_id","station_id") REFERENCES "public"."stations"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "station_commands" ADD CONSTRAINT "station_commands_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "id_tokens_group_idx" ON "id_tokens" USING btree ("tenant_id","group_id_token");--> statement-breakpoint
CREATE INDEX "local_list_members_token_idx" ON "local_list_members" USING btree ("tenant_id","token_id");--> statement-breakpoint
CREATE INDEX "meter_values_session_idx" ON "meter_values" USING btree ("tenant_id","session_id","sampled_at");--> statement-breakpoint
CREATE INDEX "meter_values_station_idx" ON "meter_values" USING btree ("tenant_id","station_id","sampled_at");--> statement-breakpoint
CREATE INDEX "reservations_station_idx" ON "reservations" USING btree ("tenant_id","station_id","expires_at");--> statement-breakpoint
CREATE INDEX "session_events_session_idx" ON "session_events" USING btree ("tenant_id","session_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "session_events_dedupe_unique" ON "session_events" USING btree ("station_id","dedupe_key") WHERE "session_events"."dedupe_key" is not null;--> statement-breakpoint
CREATE INDEX "sessions_tenant_started_idx" ON "sessions" USING btree ("tenant_id","started_at");--> statement-breakpoint
CREATE INDEX "sessions_tenant_station_idx" ON "sessions" USING btree ("tenant_id","station_id","started_at");--> statement-breakpoint
CREATE INDEX "sessions_tenant_token_idx" ON "sessions" USING btree ("tenant_id","id_token");--> statement-breakpoint
CREATE INDEX "sessions_active_idx" ON "sessions" USING btree ("station_id","evse_id") WHERE "sessions"."status" = 'active';--> statement-breakpoint
CREATE INDEX "station_commands_station_idx" ON "station_commands" USING btree ("tenant_id","station_id","id");--> statement-breakpoint
CREATE INDEX "station_commands_session_idx" ON "station_commands" USING btree ("tenant_id","session_id");