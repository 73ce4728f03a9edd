CREATE TABLE `retention_settings` (
	`id` integer PRIMARY KEY NOT NULL,
	`months` integer NOT NULL,
	`updated_by_id` integer,
	`updated_at` integer NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`updated_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "retention_settings_single_row" CHECK("retention_settings"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE `scheduled_runs` (
	`job` text NOT NULL,
	`day` text NOT NULL,
	`claimed_at` integer NOT NULL,
	`finished_at` integer,
	`outcome` text,
	PRIMARY KEY(`job`, `day`)
);
--> statement-breakpoint
ALTER TABLE `candidate_holds` ADD `ended_at` integer;--> statement-breakpoint
ALTER TABLE `candidate_holds` ADD `ended_by_id` integer REFERENCES users(id) ON DELETE set null;--> statement-breakpoint
ALTER TABLE `candidates` ADD `consent_process_at` text;--> statement-breakpoint
ALTER TABLE `candidates` ADD `consent_process_source` text;--> statement-breakpoint
ALTER TABLE `candidates` ADD `consent_process_expires_at` text;--> statement-breakpoint
ALTER TABLE `candidates` ADD `consent_retain_at` text;--> statement-breakpoint
ALTER TABLE `candidates` ADD `consent_retain_source` text;--> statement-breakpoint
ALTER TABLE `candidates` ADD `consent_retain_expires_at` text;