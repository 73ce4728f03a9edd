CREATE TABLE `agencies` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`website` text,
	`rate_min` integer,
	`rate_max` integer,
	`markup_percent` integer,
	`currency` text DEFAULT 'USD' NOT NULL,
	`offers_handover` integer,
	`written_acceptance_criteria` integer,
	`notes` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `agencies_name_unique` ON `agencies` (`name`);--> statement-breakpoint
CREATE TABLE `agency_contacts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`agency_id` integer NOT NULL,
	`name` text NOT NULL,
	`email` text,
	`phone` text,
	`title` text,
	FOREIGN KEY (`agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `agency_contacts_agency_idx` ON `agency_contacts` (`agency_id`);--> statement-breakpoint
CREATE TABLE `agency_submissions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`role_id` integer NOT NULL,
	`candidate_id` integer NOT NULL,
	`agency_id` integer NOT NULL,
	`contact_id` integer,
	`submitted_at` integer NOT NULL,
	`counts` integer NOT NULL,
	`duplicate_of` text,
	`recorded_by_id` integer,
	FOREIGN KEY (`role_id`) REFERENCES `roles`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`candidate_id`) REFERENCES `candidates`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`contact_id`) REFERENCES `agency_contacts`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`recorded_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `agency_submissions_role_candidate_idx` ON `agency_submissions` (`role_id`,`candidate_id`);--> statement-breakpoint
CREATE TABLE `agency_vetting` (
	`agency_id` integer NOT NULL,
	`question` text NOT NULL,
	`answer` text,
	`assessment` text,
	`notes` text,
	PRIMARY KEY(`agency_id`, `question`),
	FOREIGN KEY (`agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `applications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`role_id` integer NOT NULL,
	`candidate_id` integer,
	`agency_id` integer,
	`stage` text DEFAULT 'sourced' NOT NULL,
	`rejection_reason` text,
	`exit_note` text,
	`stage_changed_at` integer NOT NULL,
	`submitted_by_agency_id` integer,
	`created_by_id` integer,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`role_id`) REFERENCES `roles`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`candidate_id`) REFERENCES `candidates`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`submitted_by_agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`created_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "applications_one_subject" CHECK(("applications"."candidate_id" is null) <> ("applications"."agency_id" is null))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `applications_role_candidate_uq` ON `applications` (`role_id`,`candidate_id`) WHERE "applications"."candidate_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX `applications_role_agency_uq` ON `applications` (`role_id`,`agency_id`) WHERE "applications"."agency_id" is not null;--> statement-breakpoint
CREATE INDEX `applications_role_stage_idx` ON `applications` (`role_id`,`stage`);--> statement-breakpoint
CREATE INDEX `applications_candidate_idx` ON `applications` (`candidate_id`);--> statement-breakpoint
CREATE TABLE `candidates` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`email` text NOT NULL,
	`phone` text,
	`location` text,
	`timezone` text,
	`profile_url` text,
	`code_url` text,
	`portfolio_url` text,
	`engagement_type` text NOT NULL,
	`pay_kind` text,
	`pay_amount` integer,
	`pay_currency` text DEFAULT 'USD' NOT NULL,
	`available_from` text,
	`skills` text DEFAULT '[]' NOT NULL,
	`source` text NOT NULL,
	`notes` text,
	`created_by_id` integer,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`created_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `candidates_email_unique` ON `candidates` (`email`);--> statement-breakpoint
CREATE INDEX `candidates_name_idx` ON `candidates` (`name`);--> statement-breakpoint
CREATE TABLE `compliance_checks` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`type` text NOT NULL,
	`candidate_id` integer,
	`agency_id` integer,
	`application_id` integer,
	`status` text DEFAULT 'not_requested' NOT NULL,
	`classification` text,
	`rationale` text,
	`waiver_reason` text,
	`expires_at` text,
	`requested_at` text,
	`evidence_ref` text,
	`detail` text,
	`verified_by_id` integer,
	`verified_at` integer,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`candidate_id`) REFERENCES `candidates`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`verified_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "compliance_one_owner" CHECK(("compliance_checks"."candidate_id" is not null) + ("compliance_checks"."agency_id" is not null) + ("compliance_checks"."application_id" is not null) = 1)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `compliance_candidate_type_uq` ON `compliance_checks` (`candidate_id`,`type`) WHERE "compliance_checks"."candidate_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX `compliance_agency_type_uq` ON `compliance_checks` (`agency_id`,`type`) WHERE "compliance_checks"."agency_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX `compliance_application_type_uq` ON `compliance_checks` (`application_id`,`type`) WHERE "compliance_checks"."application_id" is not null;--> statement-breakpoint
CREATE TABLE `compliance_history` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`check_id` integer NOT NULL,
	`status` text NOT NULL,
	`changed_by_id` integer,
	`changed_at` integer NOT NULL,
	`snapshot` text NOT NULL,
	FOREIGN KEY (`check_id`) REFERENCES `compliance_checks`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`changed_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `compliance_history_check_idx` ON `compliance_history` (`check_id`,`changed_at`);--> statement-breakpoint
CREATE TABLE `stage_history` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`application_id` integer NOT NULL,
	`from_stage` text,
	`to_stage` text NOT NULL,
	`moved_by_id` integer,
	`moved_at` integer NOT NULL,
	`note` text,
	FOREIGN KEY (`application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`moved_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `stage_history_application_idx` ON `stage_history` (`application_id`,`moved_at`);--> statement-breakpoint
ALTER TABLE `roles` ADD `touches_sensitive_data` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `roles` ADD `required_checks` text DEFAULT '["nda","ip_assignment","worker_classification"]' NOT NULL;