CREATE TABLE `offer_approvals` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`offer_id` integer NOT NULL,
	`terms_version` integer NOT NULL,
	`approver_id` integer NOT NULL,
	`decision` text NOT NULL,
	`comment` text,
	`decided_at` integer NOT NULL,
	FOREIGN KEY (`offer_id`) REFERENCES `offers`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`approver_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `offer_approvals_offer_idx` ON `offer_approvals` (`offer_id`,`terms_version`);--> statement-breakpoint
CREATE TABLE `offers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`application_id` integer NOT NULL,
	`terms_version` integer DEFAULT 1 NOT NULL,
	`pay_kind` text NOT NULL,
	`amount` integer NOT NULL,
	`currency` text NOT NULL,
	`start_date` text NOT NULL,
	`terms_note` text,
	`status` text DEFAULT 'open' NOT NULL,
	`accepted_on` text,
	`accepted_by_id` integer,
	`created_by_id` integer,
	`updated_by_id` integer,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`accepted_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`created_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`updated_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `offers_active_application_uq` ON `offers` (`application_id`) WHERE "offers"."status" <> 'withdrawn';--> statement-breakpoint
CREATE INDEX `offers_status_idx` ON `offers` (`status`);--> statement-breakpoint
CREATE TABLE `role_offer_approvers` (
	`role_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	PRIMARY KEY(`role_id`, `user_id`),
	FOREIGN KEY (`role_id`) REFERENCES `roles`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `role_offer_approvers_user_idx` ON `role_offer_approvers` (`user_id`);--> statement-breakpoint
CREATE TABLE `role_offer_rules` (
	`role_id` integer PRIMARY KEY NOT NULL,
	`required` integer,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_by_id` integer,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`role_id`) REFERENCES `roles`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`updated_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
