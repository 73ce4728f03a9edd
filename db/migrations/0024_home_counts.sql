CREATE TABLE `open_stage_days` (
	`day` integer PRIMARY KEY NOT NULL,
	`n` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `role_stage_counts` (
	`role_id` integer NOT NULL,
	`stage` text NOT NULL,
	`n` integer NOT NULL,
	PRIMARY KEY(`role_id`, `stage`)
);
--> statement-breakpoint
CREATE TABLE `row_counts` (
	`name` text NOT NULL,
	`key` integer NOT NULL,
	`n` integer NOT NULL,
	PRIMARY KEY(`name`, `key`)
);
--> statement-breakpoint
CREATE INDEX `board_counts_stage_idx` ON `board_counts` (`key`,`stage`,`role_id`,`n`,`flagged`);--> statement-breakpoint
-- The home page's counts, backfilled, then kept by triggers (db/home-counts.ts); its figures' index on roles.
CREATE INDEX roles_home_figures_idx ON roles (status, headcount, (trim(coalesce(brief_system_does, ''), '	
                  　﻿') = '' or trim(coalesce(brief_using_data, ''), '	
                  　﻿') = '' or trim(coalesce(brief_inside_workflow, ''), '	
                  　﻿') = '' or trim(coalesce(brief_threshold, ''), '	
                  　﻿') = '' or trim(coalesce(brief_owned_by, ''), '	
                  　﻿') = '' or trim(coalesce(brief_workflow, ''), '	
                  　﻿') = '' or trim(coalesce(brief_source_systems, ''), '	
                  　﻿') = '' or trim(coalesce(brief_approval_path, ''), '	
                  　﻿') = '' or trim(coalesce(brief_success_metric, ''), '	
                  　﻿') = '' or trim(coalesce(brief_security, ''), '	
                  　﻿') = '' or trim(coalesce(brief_launch_date, ''), '	
                  　﻿') = '' or trim(coalesce(brief_post_launch_owner, ''), '	
                  　﻿') = ''));
--> statement-breakpoint
insert into role_stage_counts (role_id, stage, n) select role_id, stage, count(*) from applications
  group by role_id, stage;
--> statement-breakpoint
insert into open_stage_days (day, n) select (stage_changed_at / 86400000), count(*) from applications
  where stage in ('sourced', 'screening', 'interviewing', 'take_home', 'final', 'offer') group by 1;
--> statement-breakpoint
insert into row_counts (name, key, n) select 'decision_ready', 0, count(*) from decision_ready t where true
  group by 2;
--> statement-breakpoint
insert into row_counts (name, key, n) select 'candidates', 0, count(*) from candidates t where true
  group by 2;
--> statement-breakpoint
insert into row_counts (name, key, n) select 'agency_submissions', t.agency_id, count(*) from agency_submissions t where t.counts
  group by 2;
--> statement-breakpoint
CREATE TRIGGER applications_counts_insert AFTER INSERT ON applications BEGIN
  insert into role_stage_counts (role_id, stage, n) select new.role_id, new.stage, +1 where true
    on conflict (role_id, stage) do update set n = role_stage_counts.n + excluded.n;
  insert into open_stage_days (day, n) select (new.stage_changed_at / 86400000), +1 where new.stage in ('sourced', 'screening', 'interviewing', 'take_home', 'final', 'offer')
    on conflict (day) do update set n = open_stage_days.n + excluded.n;
  delete from role_stage_counts where role_id = new.role_id and stage = new.stage and n = 0;
  delete from open_stage_days where day = (new.stage_changed_at / 86400000) and n = 0;
END;
--> statement-breakpoint
CREATE TRIGGER applications_counts_update AFTER UPDATE OF role_id, stage, stage_changed_at ON applications BEGIN
  insert into role_stage_counts (role_id, stage, n) select old.role_id, old.stage, -1 where true
    on conflict (role_id, stage) do update set n = role_stage_counts.n + excluded.n;
  insert into open_stage_days (day, n) select (old.stage_changed_at / 86400000), -1 where old.stage in ('sourced', 'screening', 'interviewing', 'take_home', 'final', 'offer')
    on conflict (day) do update set n = open_stage_days.n + excluded.n;
  insert into role_stage_counts (role_id, stage, n) select new.role_id, new.stage, +1 where true
    on conflict (role_id, stage) do update set n = role_stage_counts.n + excluded.n;
  insert into open_stage_days (day, n) select (new.stage_changed_at / 86400000), +1 where new.stage in ('sourced', 'screening', 'interviewing', 'take_home', 'final', 'offer')
    on conflict (day) do update set n = open_stage_days.n + excluded.n;
  delete from role_stage_counts where role_id = old.role_id and stage = old.stage and n = 0;
  delete from open_stage_days where day = (old.stage_changed_at / 86400000) and n = 0;
  delete from role_stage_counts where role_id = new.role_id and stage = new.stage and n = 0;
  delete from open_stage_days where day = (new.stage_changed_at / 86400000) and n = 0;
END;
--> statement-breakpoint
CREATE TRIGGER applications_counts_delete AFTER DELETE ON applications BEGIN
  insert into role_stage_counts (role_id, stage, n) select old.role_id, old.stage, -1 where true
    on conflict (role_id, stage) do update set n = role_stage_counts.n + excluded.n;
  insert into open_stage_days (day, n) select (old.stage_changed_at / 86400000), -1 where old.stage in ('sourced', 'screening', 'interviewing', 'take_home', 'final', 'offer')
    on conflict (day) do update set n = open_stage_days.n + excluded.n;
  delete from role_stage_counts where role_id = old.role_id and stage = old.stage and n = 0;
  delete from open_stage_days where day = (old.stage_changed_at / 86400000) and n = 0;
END;
--> statement-breakpoint
CREATE TRIGGER decision_ready_counts_insert AFTER INSERT ON decision_ready BEGIN
  insert into row_counts (name, key, n) select 'decision_ready', 0, +1 where true
    on conflict (name, key) do update set n = row_counts.n + excluded.n;
  delete from row_counts where name = 'decision_ready' and key = 0 and n = 0;
END;
--> statement-breakpoint
CREATE TRIGGER decision_ready_counts_delete AFTER DELETE ON decision_ready BEGIN
  insert into row_counts (name, key, n) select 'decision_ready', 0, -1 where true
    on conflict (name, key) do update set n = row_counts.n + excluded.n;
  delete from row_counts where name = 'decision_ready' and key = 0 and n = 0;
END;
--> statement-breakpoint
CREATE TRIGGER candidates_counts_insert AFTER INSERT ON candidates BEGIN
  insert into row_counts (name, key, n) select 'candidates', 0, +1 where true
    on conflict (name, key) do update set n = row_counts.n + excluded.n;
  delete from row_counts where name = 'candidates' and key = 0 and n = 0;
END;
--> statement-breakpoint
CREATE TRIGGER candidates_counts_delete AFTER DELETE ON candidates BEGIN
  insert into row_counts (name, key, n) select 'candidates', 0, -1 where true
    on conflict (name, key) do update set n = row_counts.n + excluded.n;
  delete from row_counts where name = 'candidates' and key = 0 and n = 0;
END;
--> statement-breakpoint
CREATE TRIGGER agency_submissions_counts_insert AFTER INSERT ON agency_submissions BEGIN
  insert into row_counts (name, key, n) select 'agency_submissions', new.agency_id, +1 where new.counts
    on conflict (name, key) do update set n = row_counts.n + excluded.n;
  delete from row_counts where name = 'agency_submissions' and key = new.agency_id and n = 0;
END;
--> statement-breakpoint
CREATE TRIGGER agency_submissions_counts_delete AFTER DELETE ON agency_submissions BEGIN
  insert into row_counts (name, key, n) select 'agency_submissions', old.agency_id, -1 where old.counts
    on conflict (name, key) do update set n = row_counts.n + excluded.n;
  delete from row_counts where name = 'agency_submissions' and key = old.agency_id and n = 0;
END;
--> statement-breakpoint
CREATE TRIGGER agency_submissions_counts_update AFTER UPDATE OF agency_id, counts ON agency_submissions BEGIN
  insert into row_counts (name, key, n) select 'agency_submissions', old.agency_id, -1 where old.counts
    on conflict (name, key) do update set n = row_counts.n + excluded.n;
  insert into row_counts (name, key, n) select 'agency_submissions', new.agency_id, +1 where new.counts
    on conflict (name, key) do update set n = row_counts.n + excluded.n;
  delete from row_counts where name = 'agency_submissions' and key = old.agency_id and n = 0;
  delete from row_counts where name = 'agency_submissions' and key = new.agency_id and n = 0;
END;
