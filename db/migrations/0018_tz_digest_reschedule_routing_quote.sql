ALTER TABLE `applications` ADD `quote_currency` text;--> statement-breakpoint
ALTER TABLE `applications` ADD `quote_team_size` integer;--> statement-breakpoint
ALTER TABLE `applications` ADD `quote_weeks` integer;--> statement-breakpoint
ALTER TABLE `interviews` ADD `sequence` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `interviews` ADD `cancelled_at` integer;--> statement-breakpoint
ALTER TABLE `interviews` ADD `cancelled_by_id` integer REFERENCES users(id) ON DELETE SET NULL;--> statement-breakpoint
ALTER TABLE `roles` ADD `q_expected_weeks` integer;--> statement-breakpoint
ALTER TABLE `roles` ADD `q_internal_owner` integer;--> statement-breakpoint
ALTER TABLE `users` ADD `time_zone` text;--> statement-breakpoint
ALTER TABLE `users` ADD `digest_hour` integer DEFAULT 8;