// The tenant's billing profile: the seller as its invoices, credit notes and receipts must name it
// (legal name, VAT identification number, postal address; EU VAT Directive 2006/112/EC art. 226).
// One row per tenant, replaced as a whole by PUT; absent until the operator sets it, when the
// documents fall back to the tenant's display name.
import { eq } from 'drizzle-orm';
import type { Executor } from '../../infra/db/database.js';
import { tenantBillingProfiles } from '../../infra/db/schema.js';

export type BillingProfile = { legalName: string; vatId: string | null; address: string[]; email: string | null; phone: string | null };

/** "de 123 456 789" -> "DE123456789": VAT ids are compared and printed without spaces, upper case. */
export const normaliseVatId = (vatId: string) => vatId.replace(/[\s.-]/g, '').toUpperCase();

export function createBillingProfileStore() {
  return {
    async get(ex: Executor, tenantId: string): Promise<(BillingProfile & { updatedAt: Date }) | null> {
      const [row] = await ex.select().from(tenantBillingProfiles).where(eq(tenantBillingProfiles.tenantId, tenantId));
      return row ? { legalName: row.legalName, vatId: row.vatId, address: row.address, email: row.email, phone: row.phone, updatedAt: row.updatedAt } : null;
    },
    async put(ex: Executor, tenantId: string, profile: BillingProfile): Promise<BillingProfile & { updatedAt: Date }> {
      const values = { ...profile, vatId: profile.vatId === null ? null : normaliseVatId(profile.vatId), updatedAt: new Date() };
      const [row] = await ex.insert(tenantBillingProfiles).values({ tenantId, ...values })
        .onConflictDoUpdate({ target: tenantBillingProfiles.tenantId, set: values }).returning();
      return { legalName: row!.legalName, vatId: row!.vatId, address: row!.address, email: row!.email, phone: row!.phone, updatedAt: row!.updatedAt };
    },
  };
}

export type BillingProfileStore = ReturnType<typeof createBillingProfileStore>;
