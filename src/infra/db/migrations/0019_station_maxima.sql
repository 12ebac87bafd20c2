CREATE TABLE "site_energy_station_maxima" (
	"station_id" text PRIMARY KEY NOT NULL,
	"tenant_id" text NOT NULL,
	"limit_a" double precision NOT NULL,
	"accepted_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "site_energy_station_maxima" ADD CONSTRAINT "site_energy_station_maxima_station_id_stations_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."stations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "site_energy_station_maxima" ADD CONSTRAINT "site_energy_station_maxima_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "site_energy_station_maxima_tenant_idx" ON "site_energy_station_maxima" USING btree ("tenant_id");