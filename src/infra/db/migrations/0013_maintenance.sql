CREATE TABLE "excluded_outages" (
	"id" text PRIMARY KEY NOT NULL,
	"tenant_id" text NOT NULL,
	"station_id" text,
	"site_id" text,
	"evse_id" integer,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"cause" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"recorded_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "excluded_outages_scope_check" CHECK (("excluded_outages"."station_id" is null) <> ("excluded_outages"."site_id" is null) and ("excluded_outages"."evse_id" is null or "excluded_outages"."station_id" is not null)),
	CONSTRAINT "excluded_outages_time_check" CHECK ("excluded_outages"."ends_at" > "excluded_outages"."starts_at"),
	CONSTRAINT "excluded_outages_cause_check" CHECK ("excluded_outages"."cause" in ('utility-interruption', 'vehicle-fault', 'vandalism', 'natural-disaster', 'outside-operating-hours'))
);
--> statement-breakpoint
CREATE TABLE "maintenance_schedules" (
	"id" text PRIMARY KEY NOT NULL,
	"tenant_id" text NOT NULL,
	"station_id" text,
	"site_id" text,
	"title" text NOT NULL,
	"instructions" text DEFAULT '' NOT NULL,
	"recurrence" text NOT NULL,
	"checklist" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"technician_user_id" text,
	"lead_minutes" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"last_generated_for" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "maintenance_schedules_scope_check" CHECK (("maintenance_schedules"."station_id" is null) <> ("maintenance_schedules"."site_id" is null)),
	CONSTRAINT "maintenance_schedules_lead_check" CHECK ("maintenance_schedules"."lead_minutes" >= 0)
);
--> statement-breakpoint
CREATE TABLE "maintenance_windows" (
	"id" text PRIMARY KEY NOT NULL,
	"tenant_id" text NOT NULL,
	"station_id" text,
	"site_id" text,
	"evse_id" integer,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"work_order_id" text,
	"created_by" text NOT NULL,
	"started_published" boolean DEFAULT false NOT NULL,
	"ended_published" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "maintenance_windows_scope_check" CHECK (("maintenance_windows"."station_id" is null) <> ("maintenance_windows"."site_id" is null) and ("maintenance_windows"."evse_id" is null or "maintenance_windows"."station_id" is not null)),
	CONSTRAINT "maintenance_windows_time_check" CHECK ("maintenance_windows"."ends_at" > "maintenance_windows"."starts_at")
);
--> statement-breakpoint
CREATE TABLE "work_order_attachments" (
	"id" text PRIMARY KEY NOT NULL,
	"tenant_id" text NOT NULL,
	"work_order_id" text NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "work_order_attachments_size_check" CHECK ("work_order_attachments"."size_bytes" > 0 and "work_order_attachments"."size_bytes" <= 524288)
);
--> statement-breakpoint
CREATE TABLE "work_orders" (
	"id" text PRIMARY KEY NOT NULL,
	"tenant_id" text NOT NULL,
	"station_id" text NOT NULL,
	"evse_id" integer,
	"incident_id" text,
	"schedule_id" text,
	"title" text NOT NULL,
	"instructions" text DEFAULT '' NOT NULL,
	"status" text NOT NULL,
	"technician_user_id" text,
	"checklist" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"notes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"due_at" timestamp with time zone,
	"on_site_since" timestamp with time zone,
	"on_site_ms" bigint DEFAULT 0 NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone,
	CONSTRAINT "work_orders_status_check" CHECK ("work_orders"."status" in ('open', 'assigned', 'in-progress', 'done', 'cancelled'))
);
--> statement-breakpoint
ALTER TABLE "excluded_outages" ADD CONSTRAINT "excluded_outages_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "maintenance_schedules" ADD CONSTRAINT "maintenance_schedules_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "maintenance_windows" ADD CONSTRAINT "maintenance_windows_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_order_attachments" ADD CONSTRAINT "work_order_attachments_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_order_attachments" ADD CONSTRAINT "work_order_attachments_work_order_id_work_orders_id_fk" FOREIGN KEY ("work_order_id") REFERENCES "public"."work_orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_orders" ADD CONSTRAINT "work_orders_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "excluded_outages_tenant_time_idx" ON "excluded_outages" USING btree ("tenant_id","starts_at");--> statement-breakpoint
CREATE INDEX "maintenance_schedules_tenant_idx" ON "maintenance_schedules" USING btree ("tenant_id","id");--> statement-breakpoint
CREATE INDEX "maintenance_windows_tenant_time_idx" ON "maintenance_windows" USING btree ("tenant_id","starts_at");--> statement-breakpoint
CREATE INDEX "maintenance_windows_station_idx" ON "maintenance_windows" USING btree ("tenant_id","station_id","ends_at");--> statement-breakpoint
CREATE INDEX "maintenance_windows_pending_idx" ON "maintenance_windows" USING btree ("starts_at") WHERE not "maintenance_windows"."ended_published";--> statement-breakpoint
CREATE INDEX "work_order_attachments_order_idx" ON "work_order_attachments" USING btree ("tenant_id","work_order_id");--> statement-breakpoint
CREATE INDEX "work_orders_tenant_idx" ON "work_orders" USING btree ("tenant_id","id");--> statement-breakpoint
CREATE INDEX "work_orders_station_idx" ON "work_orders" USING btree ("tenant_id","station_id");--> statement-breakpoint
CREATE INDEX "work_orders_schedule_due_idx" ON "work_orders" USING btree ("schedule_id","due_at");