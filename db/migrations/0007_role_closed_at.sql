ALTER TABLE `roles` ADD `closed_at` integer;
--> statement-breakpoint
-- Roles already filled or closed: a filled role's last hire is when it was filled; otherwise its last change is the best record.
UPDATE `roles` SET `closed_at` = coalesce(
  (SELECT max(`sh`.`moved_at`) FROM `stage_history` `sh` JOIN `applications` `a` ON `a`.`id` = `sh`.`application_id` WHERE `a`.`role_id` = `roles`.`id` AND `sh`.`to_stage` = 'hired'),
  `updated_at`
) WHERE `status` IN ('filled', 'closed');
