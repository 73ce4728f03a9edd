CREATE TABLE `interview_panel` (
	`interview_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	PRIMARY KEY(`interview_id`, `user_id`),
	FOREIGN KEY (`interview_id`) REFERENCES `interviews`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `interview_panel_user_idx` ON `interview_panel` (`user_id`);--> statement-breakpoint
CREATE TABLE `interviews` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`application_id` integer NOT NULL,
	`kind` text NOT NULL,
	`starts_at` integer NOT NULL,
	`ends_at` integer NOT NULL,
	`focus_areas` text NOT NULL,
	`prompts` text DEFAULT '[]' NOT NULL,
	`custom_questions` text DEFAULT '[]' NOT NULL,
	`include_governance` integer DEFAULT false NOT NULL,
	`created_by_id` integer,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `interviews_application_idx` ON `interviews` (`application_id`);--> statement-breakpoint
CREATE INDEX `interviews_starts_idx` ON `interviews` (`starts_at`);--> statement-breakpoint
CREATE TABLE `scorecard_amendments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`scorecard_id` integer NOT NULL,
	`reason` text NOT NULL,
	`before` text NOT NULL,
	`amended_by_id` integer,
	`amended_at` integer NOT NULL,
	FOREIGN KEY (`scorecard_id`) REFERENCES `scorecards`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`amended_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `scorecard_amendments_scorecard_idx` ON `scorecard_amendments` (`scorecard_id`);--> statement-breakpoint
CREATE TABLE `scorecard_ratings` (
	`scorecard_id` integer NOT NULL,
	`area_key` text NOT NULL,
	`rating` integer,
	`evidence` text,
	PRIMARY KEY(`scorecard_id`, `area_key`),
	FOREIGN KEY (`scorecard_id`) REFERENCES `scorecards`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `scorecard_templates` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`role_id` integer NOT NULL,
	`version` integer NOT NULL,
	`areas` text NOT NULL,
	`created_by_id` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`role_id`) REFERENCES `roles`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `scorecard_templates_role_version_uq` ON `scorecard_templates` (`role_id`,`version`);--> statement-breakpoint
CREATE TABLE `scorecards` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`interview_id` integer NOT NULL,
	`interviewer_id` integer NOT NULL,
	`template_id` integer NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`recommendation` text DEFAULT 'no_decision' NOT NULL,
	`key_takeaways` text,
	`weak_signals` text DEFAULT '[]' NOT NULL,
	`submitted_at` integer,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`interview_id`) REFERENCES `interviews`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`interviewer_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`template_id`) REFERENCES `scorecard_templates`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE UNIQUE INDEX `scorecards_interview_interviewer_uq` ON `scorecards` (`interview_id`,`interviewer_id`);--> statement-breakpoint
CREATE INDEX `scorecards_interviewer_idx` ON `scorecards` (`interviewer_id`,`status`);--> statement-breakpoint
CREATE TABLE `take_home_graders` (
	`take_home_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	PRIMARY KEY(`take_home_id`, `user_id`),
	FOREIGN KEY (`take_home_id`) REFERENCES `take_homes`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `take_home_graders_user_idx` ON `take_home_graders` (`user_id`);--> statement-breakpoint
CREATE TABLE `take_home_grades` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`take_home_id` integer NOT NULL,
	`grader_id` integer NOT NULL,
	`diagnosis` integer,
	`eval_plan` integer,
	`architecture` integer,
	`monitoring` integer,
	`cost_control` integer,
	`not_building` integer,
	`outcomes_reached` integer,
	`cost_ceiling_respected` integer,
	`security_respected` integer,
	`hours_reported` integer,
	`notes` text,
	`status` text DEFAULT 'draft' NOT NULL,
	`submitted_at` integer,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`take_home_id`) REFERENCES `take_homes`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`grader_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE UNIQUE INDEX `take_home_grades_uq` ON `take_home_grades` (`take_home_id`,`grader_id`);--> statement-breakpoint
CREATE TABLE `take_homes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`application_id` integer NOT NULL,
	`title` text NOT NULL,
	`instructions` text NOT NULL,
	`materials_url` text,
	`time_box_hours` integer NOT NULL,
	`due_on` text NOT NULL,
	`paid` integer DEFAULT false NOT NULL,
	`amount` integer,
	`currency` text DEFAULT 'USD' NOT NULL,
	`status` text DEFAULT 'assigned' NOT NULL,
	`submission_url` text,
	`submitted_at` integer,
	`extended_to` text,
	`extension_reason` text,
	`waiver_reason` text,
	`anonymous` integer DEFAULT true NOT NULL,
	`alias` text NOT NULL,
	`revealed_at` integer,
	`created_by_id` integer,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `take_homes_application_idx` ON `take_homes` (`application_id`);--> statement-breakpoint
ALTER TABLE `roles` ADD `blind_feedback` integer DEFAULT true NOT NULL;