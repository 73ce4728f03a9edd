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