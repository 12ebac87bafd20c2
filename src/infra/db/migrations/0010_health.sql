CREATE TABLE "health_alerts" (
	"id" text PRIMARY KEY NOT NULL,
	"tenant_id" text NOT NULL,
	"incident_id" text NOT NULL,
	"station_id" text NOT NULL,
	"evse_id" integer,
	"connector_id" integer,
	"rule" text NOT NULL,
	"key" text NOT NULL,
	"severity" text NOT NULL,
	"code" text,
	"details" jsonb NOT NULL,
	"raised_at" timestamp with time zone NOT NULL,
	"detected_at" timestamp with time zone NOT NULL,
	"cleared_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "health_incident_timeline" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"tenant_id" text NOT NULL,
	"incident_id" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"kind" text NOT NULL,
	"actor" text NOT NULL,
	"detail" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "health_incidents" (
	"id" text PRIMARY KEY NOT NULL,
	"tenant_id" text NOT NULL,
	"station_id" text NOT NULL,
	"evse_id" integer,
	"connector_id" integer,
	"status" text NOT NULL,
	"severity" text NOT NULL,
	"rule" text NOT NULL,
	"code" text,
	"title" text NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	"detected_at" timestamp with time zone NOT NULL,
	"acknowledged_at" timestamp with time zone,
	"remote_started_at" timestamp with time zone,
	"dispatched_at" timestamp with time zone,
	"resolved_at" timestamp with time zone,
	"resolution" text,
	"resolved_by" text,
	"person_acted" boolean DEFAULT false NOT NULL,
	"kb" jsonb,
	"sla_breaches" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "health_incidents_status_check" CHECK ("health_incidents"."status" in ('open', 'acknowledged', 'remote-troubleshooting', 'technician-dispatched', 'resolved', 'auto-resolved')),
	CONSTRAINT "health_incidents_severity_check" CHECK ("health_incidents"."severity" in ('critical', 'major', 'minor', 'info')),
	CONSTRAINT "health_incidents_resolved_by_check" CHECK ("health_incidents"."resolved_by" is null or "health_incidents"."resolved_by" in ('person', 'automation'))
);
--> statement-breakpoint
CREATE TABLE "health_rules" (
	"tenant_id" text PRIMARY KEY NOT NULL,
	"settings" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "health_alerts" ADD CONSTRAINT "health_alerts_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "health_alerts" ADD CONSTRAINT "health_alerts_incident_id_health_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."health_incidents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "health_incident_timeline" ADD CONSTRAINT "health_incident_timeline_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "health_incident_timeline" ADD CONSTRAINT "health_incident_timeline_incident_id_health_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."health_incidents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "health_incidents" ADD CONSTRAINT "health_incidents_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "health_rules" ADD CONSTRAINT "health_rules_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "health_alerts_active_unique" ON "health_alerts" USING btree ("tenant_id","station_id","key") WHERE "health_alerts"."cleared_at" is null;--> statement-breakpoint
CREATE INDEX "health_alerts_incident_idx" ON "health_alerts" USING btree ("tenant_id","incident_id");--> statement-breakpoint
CREATE INDEX "health_incident_timeline_incident_idx" ON "health_incident_timeline" USING btree ("tenant_id","incident_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "health_incidents_open_scope_unique" ON "health_incidents" USING btree ("tenant_id","station_id",coalesce("evse_id", 0)) WHERE "health_incidents"."status" not in ('resolved', 'auto-resolved');--> statement-breakpoint
CREATE INDEX "health_incidents_tenant_idx" ON "health_incidents" USING btree ("tenant_id","id");--> statement-breakpoint
CREATE INDEX "health_incidents_station_idx" ON "health_incidents" USING btree ("tenant_id","station_id");