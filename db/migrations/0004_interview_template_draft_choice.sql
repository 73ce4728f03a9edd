ALTER TABLE `interviews` ADD `template_id` integer REFERENCES scorecard_templates(id);--> statement-breakpoint
ALTER TABLE `scorecards` ADD `recommendation_chosen` integer DEFAULT true NOT NULL;