CREATE TABLE `role_team` (
	`role_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`team_role` text NOT NULL,
	PRIMARY KEY(`role_id`, `user_id`),
	FOREIGN KEY (`role_id`) REFERENCES `roles`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `role_team_user_idx` ON `role_team` (`user_id`);--> statement-breakpoint
CREATE TABLE `roles` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`title` text NOT NULL,
	`team` text NOT NULL,
	`location` text NOT NULL,
	`headcount` integer DEFAULT 1 NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`target_start` text,
	`engagement_models` text DEFAULT '[]' NOT NULL,
	`budget_kind` text,
	`budget_min` integer,
	`budget_max` integer,
	`currency` text DEFAULT 'USD' NOT NULL,
	`brief_system_does` text,
	`brief_using_data` text,
	`brief_inside_workflow` text,
	`brief_threshold` text,
	`brief_owned_by` text,
	`brief_workflow` text,
	`brief_source_systems` text,
	`brief_approval_path` text,
	`brief_success_metric` text,
	`brief_security` text,
	`brief_launch_date` text,
	`brief_post_launch_owner` text,
	`q_custom_models` integer,
	`q_hosted_apis` integer,
	`q_data_blocker` integer,
	`q_long_term_ownership` integer,
	`q_bounded_feature` integer,
	`q_infra_advantage` integer,
	`created_by_id` integer,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`created_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `roles_status_idx` ON `roles` (`status`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` integer NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`user_agent` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `sessions_user_idx` ON `sessions` (`user_id`);--> statement-breakpoint
CREATE INDEX `sessions_expires_idx` ON `sessions` (`expires_at`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`email` text NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`password_hash` text NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_unique` ON `users` (`email`);