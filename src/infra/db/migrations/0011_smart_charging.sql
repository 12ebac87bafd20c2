CREATE TABLE "charging_profile_library" (
	"id" text PRIMARY KEY NOT NULL,
	"tenant_id" text NOT NULL,
	"name" text NOT NULL,
	"profile" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "site_energy_configs" (
	"tenant_id" text NOT NULL,
	"site_id" text NOT NULL,
	"strategy" text NOT NULL,
	"voltage_v" double precision NOT NULL,
	"circuits" jsonb NOT NULL,
	"evses" jsonb NOT NULL,
	"options" jsonb NOT NULL,
	"readings" jsonb,
	"readings_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "site_energy_configs_pk" PRIMARY KEY("tenant_id","site_id")
);
--> statement-breakpoint
CREATE TABLE "site_energy_limits" (
	"tenant_id" text NOT NULL,
	"site_id" text NOT NULL,
	"evse_key" text NOT NULL,
	"station_id" text NOT NULL,
	"session_id" text,
	"limit_a" double precision NOT NULL,
	"fallback_a" double precision,
	"reason" jsonb NOT NULL,
	"charging_profile_id" integer,
	"status" text NOT NULL,
	"applied_a" double precision,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "site_energy_limits_pk" PRIMARY KEY("tenant_id","site_id","evse_key")
);
--> statement-breakpoint
CREATE TABLE "site_energy_signals" (
	"id" text PRIMARY KEY NOT NULL,
	"tenant_id" text NOT NULL,
	"site_id" text NOT NULL,
	"source" text,
	"circuit_id" text,
	"valid_from" timestamp with time zone,
	"valid_until" timestamp with time zone,
	"max_current_a" jsonb,
	"max_power_kw" double precision,
	"schedule" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "charging_profile_library" ADD CONSTRAINT "charging_profile_library_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "site_energy_configs" ADD CONSTRAINT "site_energy_configs_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "site_energy_configs" ADD CONSTRAINT "site_energy_configs_site_fk" FOREIGN KEY ("tenant_id","site_id") REFERENCES "public"."sites"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "site_energy_limits" ADD CONSTRAINT "site_energy_limits_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "site_energy_limits" ADD CONSTRAINT "site_energy_limits_site_fk" FOREIGN KEY ("tenant_id","site_id") REFERENCES "public"."sites"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "site_energy_signals" ADD CONSTRAINT "site_energy_signals_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "site_energy_signals" ADD CONSTRAINT "site_energy_signals_site_fk" FOREIGN KEY ("tenant_id","site_id") REFERENCES "public"."sites"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "charging_profile_library_tenant_idx" ON "charging_profile_library" USING btree ("tenant_id");--> statement-breakpoint
CREATE INDEX "site_energy_signals_site_idx" ON "site_energy_signals" USING btree ("tenant_id","site_id");