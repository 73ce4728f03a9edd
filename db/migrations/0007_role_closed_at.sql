ALTER TABLE `roles` ADD `closed_at` integer;
--> statement-breakpoint
-- Roles already filled or closed: their last change is the best record of when.
UPDATE `roles` SET `closed_at` = `updated_at` WHERE `status` IN ('filled', 'closed');
