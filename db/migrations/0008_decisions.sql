CREATE TABLE `decisions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`application_id` integer NOT NULL,
	`stage` text NOT NULL,
	`outcome` text NOT NULL,
	`rejection_reason` text,
	`rationale` text NOT NULL,
	`cited_areas` text NOT NULL,
	`cited_scorecards` text DEFAULT '[]' NOT NULL,
	`weighted_total` real,
	`against_total` integer DEFAULT false NOT NULL,
	`against_note` text,
	`decided_by_id` integer,
	`decided_at` integer NOT NULL,
	`supersedes_id` integer,
	`change_reason` text,
	FOREIGN KEY (`application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`decided_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `decisions_application_idx` ON `decisions` (`application_id`,`decided_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `decisions_supersedes_uq` ON `decisions` (`supersedes_id`) WHERE "decisions"."supersedes_id" is not null;