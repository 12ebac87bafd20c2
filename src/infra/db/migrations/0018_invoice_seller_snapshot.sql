-- ADR 061: the seller (billing profile) and branding as they were at issue, written in the INSERT
-- (the invoices_final trigger refuses UPDATE). Rows issued before this stay NULL and render from the
-- current profile.
ALTER TABLE "invoices" ADD COLUMN "seller" jsonb;
