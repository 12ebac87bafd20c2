-- Issue 8: CDRs and invoices are final once written. Corrections are new rows (credit CDRs,
-- credit notes), so the database refuses UPDATE and DELETE of them, whoever asks.
CREATE FUNCTION "chargeops_refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is final: % refused (issue a credit instead)', TG_TABLE_NAME, TG_OP USING ERRCODE = 'restrict_violation';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "cdrs_final" BEFORE UPDATE OR DELETE ON "cdrs" FOR EACH ROW EXECUTE FUNCTION "chargeops_refuse_change"();
--> statement-breakpoint
CREATE TRIGGER "invoices_final" BEFORE UPDATE OR DELETE ON "invoices" FOR EACH ROW EXECUTE FUNCTION "chargeops_refuse_change"();
--> statement-breakpoint
CREATE TRIGGER "invoice_lines_final" BEFORE UPDATE OR DELETE ON "invoice_lines" FOR EACH ROW EXECUTE FUNCTION "chargeops_refuse_change"();
--> statement-breakpoint
CREATE TRIGGER "invoiced_cdrs_final" BEFORE UPDATE OR DELETE ON "invoiced_cdrs" FOR EACH ROW EXECUTE FUNCTION "chargeops_refuse_change"();
