ALTER TABLE `compliance_history` ADD `fields` text;--> statement-breakpoint
ALTER TABLE `take_homes` ADD `revealed_by_id` integer REFERENCES users(id) ON DELETE set null;