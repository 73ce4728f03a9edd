ALTER TABLE `applications` ADD `quote_amount` integer;--> statement-breakpoint
ALTER TABLE `roles` ADD `cost_assumptions` text;