CREATE TABLE "connectors" (
	"tenant_id" text NOT NULL,
	"station_id" text NOT NULL,
	"evse_id" integer NOT NULL,
	"connector_id" integer NOT NULL,
	"type" text,
	"max_power_w" integer,
	"phases" smallint,
	CONSTRAINT "connectors_station_id_evse_id_connector_id_pk" PRIMARY KEY("station_id","evse_id","connector_id"),
	CONSTRAINT "connectors_ids_check" CHECK ("connectors"."evse_id" >= 1 and "connectors"."connector_id" >= 1),
	CONSTRAINT "connectors_phases_check" CHECK ("connectors"."phases" is null or "connectors"."phases" in (1, 2, 3)),
	CONSTRAINT "connectors_power_check" CHECK ("connectors"."max_power_w" is null or "connectors"."max_power_w" > 0)
);
--> statement-breakpoint
ALTER TABLE "connectors" ADD CONSTRAINT "connectors_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "connectors" ADD CONSTRAINT "connectors_station_fk" FOREIGN KEY ("tenant_id","station_id") REFERENCES "public"."stations"("tenant_id","id") ON DELETE cascade ON UPDATE no action;