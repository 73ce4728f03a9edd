CREATE TABLE `audit_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`actor_id` integer,
	`action` text NOT NULL,
	`subject_type` text,
	`subject_id` integer,
	`role_id` integer,
	`application_id` integer,
	`fields` text DEFAULT '[]' NOT NULL,
	`detail` text DEFAULT '{}' NOT NULL,
	`client_ip` text,
	`user_agent` text,
	`request_id` text
);
--> statement-breakpoint
CREATE INDEX `audit_events_at_idx` ON `audit_events` (`at`);--> statement-breakpoint
CREATE INDEX `audit_events_actor_idx` ON `audit_events` (`actor_id`,`at`);--> statement-breakpoint
CREATE INDEX `audit_events_subject_idx` ON `audit_events` (`subject_type`,`subject_id`,`at`);--> statement-breakpoint
CREATE INDEX `audit_events_application_idx` ON `audit_events` (`application_id`,`at`);--> statement-breakpoint
CREATE INDEX `audit_events_action_idx` ON `audit_events` (`action`,`at`);--> statement-breakpoint
CREATE TABLE `candidate_holds` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`candidate_id` integer NOT NULL,
	`reason` text NOT NULL,
	`until` text NOT NULL,
	`created_by_id` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`candidate_id`) REFERENCES `candidates`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `candidate_holds_candidate_idx` ON `candidate_holds` (`candidate_id`,`until`);--> statement-breakpoint
ALTER TABLE `candidates` ADD `erased_at` integer;--> statement-breakpoint
ALTER TABLE `candidates` ADD `erasure_reason` text;--> statement-breakpoint
ALTER TABLE `candidates` ADD `email_hash` text;--> statement-breakpoint
CREATE INDEX `candidates_email_hash_idx` ON `candidates` (`email_hash`);