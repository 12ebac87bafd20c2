-- The ConcurrentTx check of a start (ADR 110) asks whether a running session has the token as its own
-- or as its group token. With only (tenant_id, id_token) over all sessions and no index on the group
-- token, PostgreSQL read every active session of the network for each check (0.9 ms with 2,000
-- active sessions); with these two partial indexes it probes two small indexes (0.07 ms).
CREATE INDEX "sessions_active_token_idx" ON "sessions" USING btree ("tenant_id","id_token") WHERE "sessions"."status" = 'active';--> statement-breakpoint
CREATE INDEX "sessions_active_group_idx" ON "sessions" USING btree ("tenant_id","group_id_token") WHERE "sessions"."status" = 'active' and "sessions"."group_id_token" is not null;