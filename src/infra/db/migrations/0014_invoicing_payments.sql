CREATE TABLE "invoice_counters" (
	"tenant_id" text NOT NULL,
	"series" text NOT NULL,
	"last_number" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "invoice_counters_tenant_id_series_pk" PRIMARY KEY("tenant_id","series"),
	CONSTRAINT "invoice_counters_series_check" CHECK ("invoice_counters"."series" in ('invoice', 'credit_note'))
);
--> statement-breakpoint
CREATE TABLE "invoice_lines" (
	"tenant_id" text NOT NULL,
	"invoice_id" text NOT NULL,
	"line_no" integer NOT NULL,
	"cdr_id" text,
	"description" text NOT NULL,
	"site_id" text,
	"station_id" text,
	"country" text,
	"vat_rate" numeric(7, 4),
	"energy_kwh" numeric(20, 6) NOT NULL,
	"excl_vat" numeric(20, 6) NOT NULL,
	"vat" numeric(20, 6) NOT NULL,
	"incl_vat" numeric(20, 6) NOT NULL,
	CONSTRAINT "invoice_lines_tenant_id_invoice_id_line_no_pk" PRIMARY KEY("tenant_id","invoice_id","line_no")
);
--> statement-breakpoint
CREATE TABLE "invoiced_cdrs" (
	"tenant_id" text NOT NULL,
	"cdr_id" text NOT NULL,
	"invoice_id" text NOT NULL,
	CONSTRAINT "invoiced_cdrs_tenant_id_cdr_id_pk" PRIMARY KEY("tenant_id","cdr_id")
);
--> statement-breakpoint
CREATE TABLE "invoices" (
	"id" text PRIMARY KEY NOT NULL,
	"tenant_id" text NOT NULL,
	"kind" text NOT NULL,
	"series" text NOT NULL,
	"number" bigint NOT NULL,
	"display_number" text NOT NULL,
	"credits_invoice_id" text,
	"reason" text,
	"customer" jsonb NOT NULL,
	"period_start" timestamp with time zone,
	"period_end" timestamp with time zone,
	"currency" text NOT NULL,
	"total_excl_vat" numeric(20, 6) NOT NULL,
	"total_vat" numeric(20, 6) NOT NULL,
	"total_incl_vat" numeric(20, 6) NOT NULL,
	"issued_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "invoices_tenant_id_unique" UNIQUE("tenant_id","id"),
	CONSTRAINT "invoices_number_unique" UNIQUE("tenant_id","series","number"),
	CONSTRAINT "invoices_kind_check" CHECK (("invoices"."kind" in ('invoice', 'statement') and "invoices"."series" = 'invoice' and "invoices"."credits_invoice_id" is null)
    or ("invoices"."kind" = 'credit_note' and "invoices"."series" = 'credit_note' and "invoices"."credits_invoice_id" is not null and "invoices"."reason" is not null)),
	CONSTRAINT "invoices_currency_check" CHECK ("invoices"."currency" ~ '^[A-Z]{3}$'),
	CONSTRAINT "invoices_number_check" CHECK ("invoices"."number" > 0)
);
--> statement-breakpoint
CREATE TABLE "payments" (
	"id" text PRIMARY KEY NOT NULL,
	"tenant_id" text NOT NULL,
	"provider" text NOT NULL,
	"provider_ref" text,
	"status" text NOT NULL,
	"currency" text NOT NULL,
	"amount_authorised" numeric(20, 6) NOT NULL,
	"amount_captured" numeric(20, 6) DEFAULT '0' NOT NULL,
	"amount_refunded" numeric(20, 6) DEFAULT '0' NOT NULL,
	"station_id" text NOT NULL,
	"evse_id" integer NOT NULL,
	"token" text NOT NULL,
	"session_id" text,
	"email" text,
	"invoice_id" text,
	"failure" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payments_tenant_id_unique" UNIQUE("tenant_id","id"),
	CONSTRAINT "payments_status_check" CHECK ("payments"."status" in ('pending', 'authorised', 'captured', 'voided', 'refunded', 'failed')),
	CONSTRAINT "payments_currency_check" CHECK ("payments"."currency" ~ '^[A-Z]{3}$'),
	CONSTRAINT "payments_amounts_check" CHECK ("payments"."amount_captured" >= 0 and "payments"."amount_captured" <= "payments"."amount_authorised" and "payments"."amount_refunded" >= 0 and "payments"."amount_refunded" <= "payments"."amount_captured")
);
--> statement-breakpoint
ALTER TABLE "invoice_counters" ADD CONSTRAINT "invoice_counters_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_lines" ADD CONSTRAINT "invoice_lines_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_lines" ADD CONSTRAINT "invoice_lines_invoice_fk" FOREIGN KEY ("tenant_id","invoice_id") REFERENCES "public"."invoices"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoiced_cdrs" ADD CONSTRAINT "invoiced_cdrs_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoiced_cdrs" ADD CONSTRAINT "invoiced_cdrs_invoice_fk" FOREIGN KEY ("tenant_id","invoice_id") REFERENCES "public"."invoices"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_credits_fk" FOREIGN KEY ("tenant_id","credits_invoice_id") REFERENCES "public"."invoices"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "invoice_lines_cdr_idx" ON "invoice_lines" USING btree ("tenant_id","cdr_id");--> statement-breakpoint
CREATE UNIQUE INDEX "invoices_one_credit_note" ON "invoices" USING btree ("tenant_id","credits_invoice_id") WHERE "invoices"."credits_invoice_id" is not null;--> statement-breakpoint
CREATE INDEX "invoices_tenant_issued_idx" ON "invoices" USING btree ("tenant_id","issued_at");--> statement-breakpoint
CREATE UNIQUE INDEX "payments_token_unique" ON "payments" USING btree ("tenant_id","token");--> statement-breakpoint
CREATE INDEX "payments_session_idx" ON "payments" USING btree ("tenant_id","session_id");