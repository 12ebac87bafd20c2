CREATE TABLE "cdrs" (
	"id" text PRIMARY KEY NOT NULL,
	"tenant_id" text NOT NULL,
	"kind" text NOT NULL,
	"session_id" text NOT NULL,
	"station_id" text NOT NULL,
	"evse_id" integer NOT NULL,
	"credits_cdr_id" text,
	"reason" text,
	"currency" text NOT NULL,
	"total_excl_vat" numeric(20, 6) NOT NULL,
	"total_incl_vat" numeric(20, 6),
	"energy_kwh" numeric(20, 6) NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone NOT NULL,
	"cdr" jsonb NOT NULL,
	"pricing" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cdrs_tenant_id_unique" UNIQUE("tenant_id","id"),
	CONSTRAINT "cdrs_kind_check" CHECK (("cdrs"."kind" = 'debit' and "cdrs"."credits_cdr_id" is null)
    or ("cdrs"."kind" = 'credit' and "cdrs"."credits_cdr_id" is not null and "cdrs"."reason" is not null and "cdrs"."total_excl_vat" <= 0)),
	CONSTRAINT "cdrs_currency_check" CHECK ("cdrs"."currency" ~ '^[A-Z]{3}$')
);
--> statement-breakpoint
CREATE TABLE "price_schedule_entries" (
	"id" text PRIMARY KEY NOT NULL,
	"tenant_id" text NOT NULL,
	"tariff_id" text NOT NULL,
	"dimension" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"price" numeric(20, 6) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "price_schedule_entries_start_unique" UNIQUE("tenant_id","tariff_id","dimension","starts_at"),
	CONSTRAINT "price_schedule_entries_dimension_check" CHECK ("price_schedule_entries"."dimension" in ('ENERGY', 'TIME', 'PARKING_TIME')),
	CONSTRAINT "price_schedule_entries_range_check" CHECK ("price_schedule_entries"."ends_at" > "price_schedule_entries"."starts_at"),
	CONSTRAINT "price_schedule_entries_price_check" CHECK ("price_schedule_entries"."price" >= 0)
);
--> statement-breakpoint
CREATE TABLE "tariff_assignments" (
	"id" text PRIMARY KEY NOT NULL,
	"tenant_id" text NOT NULL,
	"tariff_id" text NOT NULL,
	"scope" text NOT NULL,
	"site_id" text,
	"station_id" text,
	"evse_id" integer,
	"customer_group" text NOT NULL,
	"group_ref" text,
	"valid_from" timestamp with time zone DEFAULT now() NOT NULL,
	"valid_to" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tariff_assignments_scope_check" CHECK (("tariff_assignments"."scope" = 'tenant' and "tariff_assignments"."site_id" is null and "tariff_assignments"."station_id" is null and "tariff_assignments"."evse_id" is null)
    or ("tariff_assignments"."scope" = 'site' and "tariff_assignments"."site_id" is not null and "tariff_assignments"."station_id" is null and "tariff_assignments"."evse_id" is null)
    or ("tariff_assignments"."scope" = 'station' and "tariff_assignments"."site_id" is null and "tariff_assignments"."station_id" is not null and "tariff_assignments"."evse_id" is null)
    or ("tariff_assignments"."scope" = 'evse' and "tariff_assignments"."site_id" is null and "tariff_assignments"."station_id" is not null and "tariff_assignments"."evse_id" is not null)),
	CONSTRAINT "tariff_assignments_group_check" CHECK ("tariff_assignments"."customer_group" in ('public', 'members', 'fleet', 'roaming')),
	CONSTRAINT "tariff_assignments_validity_check" CHECK ("tariff_assignments"."valid_to" is null or "tariff_assignments"."valid_to" > "tariff_assignments"."valid_from")
);
--> statement-breakpoint
CREATE TABLE "tariffs" (
	"id" text PRIMARY KEY NOT NULL,
	"tenant_id" text NOT NULL,
	"ocpi_id" text NOT NULL,
	"name" text NOT NULL,
	"currency" text NOT NULL,
	"tariff" jsonb NOT NULL,
	"idle_fee" jsonb,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tariffs_tenant_id_unique" UNIQUE("tenant_id","id"),
	CONSTRAINT "tariffs_tenant_ocpi_id_unique" UNIQUE("tenant_id","ocpi_id"),
	CONSTRAINT "tariffs_currency_check" CHECK ("tariffs"."currency" ~ '^[A-Z]{3}$'),
	CONSTRAINT "tariffs_ocpi_id_check" CHECK (length("tariffs"."ocpi_id") between 1 and 36)
);
--> statement-breakpoint
ALTER TABLE "cdrs" ADD CONSTRAINT "cdrs_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cdrs" ADD CONSTRAINT "cdrs_credits_fk" FOREIGN KEY ("tenant_id","credits_cdr_id") REFERENCES "public"."cdrs"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "price_schedule_entries" ADD CONSTRAINT "price_schedule_entries_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "price_schedule_entries" ADD CONSTRAINT "price_schedule_entries_tariff_fk" FOREIGN KEY ("tenant_id","tariff_id") REFERENCES "public"."tariffs"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tariff_assignments" ADD CONSTRAINT "tariff_assignments_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tariff_assignments" ADD CONSTRAINT "tariff_assignments_tariff_fk" FOREIGN KEY ("tenant_id","tariff_id") REFERENCES "public"."tariffs"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tariff_assignments" ADD CONSTRAINT "tariff_assignments_site_fk" FOREIGN KEY ("tenant_id","site_id") REFERENCES "public"."sites"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tariff_assignments" ADD CONSTRAINT "tariff_assignments_station_fk" FOREIGN KEY ("tenant_id","station_id") REFERENCES "public"."stations"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tariffs" ADD CONSTRAINT "tariffs_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "cdrs_one_debit_per_session" ON "cdrs" USING btree ("tenant_id","session_id") WHERE "cdrs"."kind" = 'debit';--> statement-breakpoint
CREATE INDEX "cdrs_tenant_created_idx" ON "cdrs" USING btree ("tenant_id","created_at");--> statement-breakpoint
CREATE INDEX "tariff_assignments_lookup_idx" ON "tariff_assignments" USING btree ("tenant_id","customer_group","scope");