CREATE TABLE "sites" (
	"id" text PRIMARY KEY NOT NULL,
	"tenant_id" text NOT NULL,
	"name" text NOT NULL,
	"street" text,
	"postal_code" text,
	"city" text,
	"country" text NOT NULL,
	"region" text,
	"latitude" double precision,
	"longitude" double precision,
	"time_zone" text DEFAULT 'UTC' NOT NULL,
	"opening_hours" jsonb,
	"host" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sites_tenant_id_id_unique" UNIQUE("tenant_id","id"),
	CONSTRAINT "sites_country_check" CHECK ("sites"."country" ~ '^[A-Z]{2}$'),
	CONSTRAINT "sites_coordinates_check" CHECK (("sites"."latitude" is null) = ("sites"."longitude" is null)
    and ("sites"."latitude" is null or ("sites"."latitude" between -90 and 90 and "sites"."longitude" between -180 and 180)))
);
--> statement-breakpoint
ALTER TABLE "stations" ADD COLUMN "site_id" text;--> statement-breakpoint
ALTER TABLE "sites" ADD CONSTRAINT "sites_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stations" ADD CONSTRAINT "stations_site_fk" FOREIGN KEY ("tenant_id","site_id") REFERENCES "public"."sites"("tenant_id","id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "stations_site_idx" ON "stations" USING btree ("tenant_id","site_id") WHERE "stations"."site_id" is not null;