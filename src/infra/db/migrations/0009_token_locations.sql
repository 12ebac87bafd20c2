CREATE TABLE "id_token_locations" (
	"tenant_id" text NOT NULL,
	"token_id" text NOT NULL,
	"station_id" text NOT NULL,
	"evse_id" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "id_token_locations_token_id_station_id_evse_id_pk" PRIMARY KEY("token_id","station_id","evse_id"),
	CONSTRAINT "id_token_locations_evse_check" CHECK ("id_token_locations"."evse_id" >= 0)
);
--> statement-breakpoint
ALTER TABLE "id_token_locations" ADD CONSTRAINT "id_token_locations_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "id_token_locations" ADD CONSTRAINT "id_token_locations_token_fk" FOREIGN KEY ("tenant_id","token_id") REFERENCES "public"."id_tokens"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "id_token_locations" ADD CONSTRAINT "id_token_locations_station_fk" FOREIGN KEY ("tenant_id","station_id") REFERENCES "public"."stations"("tenant_id","id") ON DELETE cascade ON UPDATE no action;