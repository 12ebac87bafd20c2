// Issue 8 additions to invoicing and payments: the tenant's billing profile (the seller's legal
// name, VAT id and address printed on invoices and receipts, EU VAT Directive art. 226), and the
// payment-provider webhook events already handled (a redelivered event is a no-op).
import { sql } from 'drizzle-orm';
import { check, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { tenants } from './schema-core.js';

const timestamptz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** The seller as invoices must name it; one row per tenant, absent until the operator sets it. */
export const tenantBillingProfiles = pgTable('tenant_billing_profiles', {
  tenantId: text('tenant_id').primaryKey().references(() => tenants.id),
  legalName: text('legal_name').notNull(),
  vatId: text('vat_id'),
  /** The postal address, one line per element. */
  address: text('address').array().notNull().default(sql`'{}'::text[]`),
  email: text('email'),
  phone: text('phone'),
  updatedAt: timestamptz('updated_at').notNull().defaultNow(),
}, (t) => [
  check('tenant_billing_profiles_vat_id_check', sql`${t.vatId} is null or ${t.vatId} ~ '^[A-Z0-9][A-Z0-9 .-]{1,19}$'`),
]);

/** A provider's webhook event, recorded the first time it is handled (Stripe event ids). */
export const paymentWebhookEvents = pgTable('payment_webhook_events', {
  provider: text('provider').notNull(),
  eventId: text('event_id').notNull(),
  type: text('type').notNull(),
  /** The provider's object the event is about (PaymentIntent id). */
  objectRef: text('object_ref'),
  /** What the event did: 'applied', 'ignored' (nothing to change), with a note. */
  outcome: text('outcome').notNull(),
  receivedAt: timestamptz('received_at').notNull().defaultNow(),
}, (t) => [primaryKey({ columns: [t.provider, t.eventId] })]);
