CREATE TABLE "payment_webhook_events" (
	"provider" text NOT NULL,
	"event_id" text NOT NULL,
	"type" text NOT NULL,
	"object_ref" text,
	"outcome" text NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payment_webhook_events_provider_event_id_pk" PRIMARY KEY("provider","event_id")
);
--> statement-breakpoint
CREATE TABLE "tenant_billing_profiles" (
	"tenant_id" text PRIMARY KEY NOT NULL,
	"legal_name" text NOT NULL,
	"vat_id" text,
	"address" text[] DEFAULT '{}'::text[] NOT NULL,
	"email" text,
	"phone" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tenant_billing_profiles_vat_id_check" CHECK ("tenant_billing_profiles"."vat_id" is null or "tenant_billing_profiles"."vat_id" ~ '^[A-Z0-9][A-Z0-9 .-]{1,19}$')
);
--> statement-breakpoint
DROP INDEX "invoices_one_credit_note";--> statement-breakpoint
ALTER TABLE "tenant_billing_profiles" ADD CONSTRAINT "tenant_billing_profiles_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "invoices_credits_idx" ON "invoices" USING btree ("tenant_id","credits_invoice_id");