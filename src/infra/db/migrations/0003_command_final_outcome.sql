ALTER TABLE "station_commands" ADD COLUMN "final_outcome" text;--> statement-breakpoint
ALTER TABLE "station_commands" ADD COLUMN "final_detail" text;--> statement-breakpoint
ALTER TABLE "station_commands" ADD COLUMN "final_at" timestamp with time zone;