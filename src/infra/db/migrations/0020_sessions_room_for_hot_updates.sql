-- Room on each page for the next version of a row (ADR 106). A running session's row is rewritten by
-- every meter value, a connector's status row by every StatusNotification and a station row by every
-- connect and boot, but none of those writes changes an indexed column. With free space on the page
-- PostgreSQL keeps the new version there as a heap-only tuple (HOT) and touches no index; at the
-- default fillfactor of 100 every such update went to another page and added an entry to every index
-- of the table (7 for sessions). Only pages written from now on keep the room: no table rewrite.
ALTER TABLE "sessions" SET (fillfactor = 70);--> statement-breakpoint
ALTER TABLE "connector_status" SET (fillfactor = 70);--> statement-breakpoint
ALTER TABLE "stations" SET (fillfactor = 80);
