CREATE TABLE `role_versions` (
	`role_id` integer PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE INDEX `applications_agency_idx` ON `applications` (`agency_id`) WHERE "applications"."agency_id" is not null;--> statement-breakpoint
CREATE INDEX `candidates_created_by_idx` ON `candidates` (`created_by_id`);