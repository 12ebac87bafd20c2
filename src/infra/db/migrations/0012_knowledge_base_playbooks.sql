CREATE TABLE "kb_entries" (
	"id" text PRIMARY KEY NOT NULL,
	"tenant_id" text NOT NULL,
	"vendor" text,
	"model_pattern" text,
	"firmware_min" text,
	"firmware_max" text,
	"ocpp_version" text,
	"error_code" text,
	"vendor_id" text,
	"vendor_error_code" text,
	"component" text,
	"variable" text,
	"event_code" text,
	"meaning" text NOT NULL,
	"severity" text NOT NULL,
	"probable_cause" text NOT NULL,
	"remote_action" text NOT NULL,
	"technician_instructions" text NOT NULL,
	"source" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "kb_entries_severity_check" CHECK ("kb_entries"."severity" in ('critical', 'major', 'minor', 'info')),
	CONSTRAINT "kb_entries_remote_action_check" CHECK ("kb_entries"."remote_action" in ('none', 'trigger-status', 'soft-reset', 'hard-reset', 'unlock', 'clear-transaction', 'set-inoperative', 'work-order')),
	CONSTRAINT "kb_entries_has_code_check" CHECK (coalesce("kb_entries"."error_code", "kb_entries"."vendor_error_code", "kb_entries"."component", "kb_entries"."variable", "kb_entries"."event_code") is not null)
);
--> statement-breakpoint
CREATE TABLE "kb_unknown_code_stations" (
	"tenant_id" text NOT NULL,
	"fingerprint" text NOT NULL,
	"station_id" text NOT NULL,
	CONSTRAINT "kb_unknown_code_stations_pk" PRIMARY KEY("tenant_id","fingerprint","station_id")
);
--> statement-breakpoint
CREATE TABLE "kb_unknown_codes" (
	"tenant_id" text NOT NULL,
	"fingerprint" text NOT NULL,
	"vendor" text,
	"model" text,
	"firmware" text,
	"ocpp_version" text NOT NULL,
	"error_code" text,
	"vendor_id" text,
	"vendor_error_code" text,
	"component" text,
	"variable" text,
	"event_code" text,
	"count" bigint NOT NULL,
	"first_seen_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone NOT NULL,
	CONSTRAINT "kb_unknown_codes_pk" PRIMARY KEY("tenant_id","fingerprint")
);
--> statement-breakpoint
CREATE TABLE "playbook_runs" (
	"id" text PRIMARY KEY NOT NULL,
	"tenant_id" text NOT NULL,
	"playbook_id" text NOT NULL,
	"incident_id" text NOT NULL,
	"station_id" text NOT NULL,
	"evse_id" integer,
	"connector_id" integer,
	"rule" text NOT NULL,
	"status" text NOT NULL,
	"reason" text,
	"steps" jsonb NOT NULL,
	"work_order_id" text,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "playbook_runs_status_check" CHECK ("playbook_runs"."status" in ('running', 'resolved', 'work-order', 'gave-up', 'skipped', 'failed', 'interrupted'))
);
--> statement-breakpoint
CREATE TABLE "playbook_seeds" (
	"tenant_id" text PRIMARY KEY NOT NULL,
	"seeded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "playbooks" (
	"id" text PRIMARY KEY NOT NULL,
	"tenant_id" text NOT NULL,
	"name" text NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"trigger" jsonb NOT NULL,
	"steps" jsonb NOT NULL,
	"allow_during_session" boolean DEFAULT false NOT NULL,
	"cooldown_seconds" integer NOT NULL,
	"max_attempts" integer NOT NULL,
	"attempt_window_seconds" integer NOT NULL,
	"priority" integer DEFAULT 100 NOT NULL,
	"seed_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "kb_entries" ADD CONSTRAINT "kb_entries_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kb_unknown_code_stations" ADD CONSTRAINT "kb_unknown_code_stations_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kb_unknown_codes" ADD CONSTRAINT "kb_unknown_codes_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "playbook_runs" ADD CONSTRAINT "playbook_runs_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "playbook_seeds" ADD CONSTRAINT "playbook_seeds_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "playbooks" ADD CONSTRAINT "playbooks_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "kb_entries_tenant_idx" ON "kb_entries" USING btree ("tenant_id","id");--> statement-breakpoint
CREATE INDEX "kb_unknown_codes_rank_idx" ON "kb_unknown_codes" USING btree ("tenant_id","count");--> statement-breakpoint
CREATE INDEX "playbook_runs_tenant_idx" ON "playbook_runs" USING btree ("tenant_id","id");--> statement-breakpoint
CREATE INDEX "playbook_runs_scope_idx" ON "playbook_runs" USING btree ("tenant_id","station_id","playbook_id","started_at");--> statement-breakpoint
CREATE INDEX "playbook_runs_incident_idx" ON "playbook_runs" USING btree ("tenant_id","incident_id");--> statement-breakpoint
CREATE INDEX "playbooks_tenant_idx" ON "playbooks" USING btree ("tenant_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "playbooks_seed_unique" ON "playbooks" USING btree ("tenant_id","seed_key") WHERE "playbooks"."seed_key" is not null;