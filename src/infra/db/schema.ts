// The PostgreSQL schema (Drizzle), one file per capability, all exported from here. Migrations are
// generated from this module with `npm run db:generate` into ./migrations and committed; never edit
// an applied migration, add a new one.
export * from './schema-core.js';
export * from './schema-places.js';
export * from './schema-authorization.js';
export * from './schema-sessions.js';
export * from './schema-platform.js';
export * from './schema-identity.js';
export * from './schema-tenants.js';
export * from './schema-billing.js';
export * from './schema-token-locations.js';
export * from './schema-health.js';
export * from './schema-smart-charging.js';
export * from './schema-knowledge-base.js';
export * from './schema-playbooks.js';
export * from './schema-maintenance.js';
export * from './schema-invoicing.js'; // invoicing and payments (issue 8)
export * from './schema-rate-limits.js'; // shared rate-limit and lockout counters (issue 4, ADR 037)
export * from './schema-billing-profiles.js'; // tenant billing profile, payment webhook events (issue 8)
