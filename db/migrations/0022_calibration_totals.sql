CREATE TABLE `agreement_unit_totals` (
	`c1` integer NOT NULL,
	`c2` integer NOT NULL,
	`c3` integer NOT NULL,
	`c4` integer NOT NULL,
	`times` integer NOT NULL,
	PRIMARY KEY(`c1`, `c2`, `c3`, `c4`)
);
--> statement-breakpoint
CREATE TABLE `calibration_totals` (
	`interviewer_id` integer PRIMARY KEY NOT NULL,
	`scorecards` integer NOT NULL,
	`first_card` integer,
	`rating_sum` integer NOT NULL,
	`rating_count` integer NOT NULL,
	`not_assessed` integer NOT NULL,
	`no_decision` integer NOT NULL,
	`decided` integer NOT NULL,
	`agreed` integer NOT NULL,
	`shared_applications` integer NOT NULL,
	`shared_sum` integer NOT NULL,
	`shared_count` integer NOT NULL,
	`co_panel_sum` integer NOT NULL,
	`co_panel_count` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `calibration_totals_order_idx` ON `calibration_totals` (`scorecards`,`first_card`);--> statement-breakpoint
CREATE INDEX `calibration_sums_interviewer_idx` ON `calibration_sums` (`interviewer_id`,`first_card`);--> statement-breakpoint
-- Company-wide totals of calibration_sums and agreement_units, kept by triggers (db/calibration-totals.ts).
CREATE TRIGGER calibration_sums_totals_insert AFTER INSERT ON calibration_sums BEGIN
  insert into calibration_totals (interviewer_id, first_card, scorecards, rating_sum, rating_count, not_assessed, no_decision, decided, agreed, shared_applications, shared_sum, shared_count, co_panel_sum, co_panel_count)
    values (new.interviewer_id, (select min(first_card) from calibration_sums where interviewer_id = new.interviewer_id), +new.scorecards, +new.rating_sum, +new.rating_count, +new.not_assessed, +new.no_decision, +new.decided, +new.agreed, +new.shared_applications, +new.shared_sum, +new.shared_count, +new.co_panel_sum, +new.co_panel_count)
    on conflict (interviewer_id) do update set
      scorecards = calibration_totals.scorecards + excluded.scorecards, rating_sum = calibration_totals.rating_sum + excluded.rating_sum, rating_count = calibration_totals.rating_count + excluded.rating_count, not_assessed = calibration_totals.not_assessed + excluded.not_assessed, no_decision = calibration_totals.no_decision + excluded.no_decision, decided = calibration_totals.decided + excluded.decided, agreed = calibration_totals.agreed + excluded.agreed, shared_applications = calibration_totals.shared_applications + excluded.shared_applications, shared_sum = calibration_totals.shared_sum + excluded.shared_sum, shared_count = calibration_totals.shared_count + excluded.shared_count, co_panel_sum = calibration_totals.co_panel_sum + excluded.co_panel_sum, co_panel_count = calibration_totals.co_panel_count + excluded.co_panel_count,
      first_card = excluded.first_card;
  delete from calibration_totals where interviewer_id = new.interviewer_id
      and not exists (select 1 from calibration_sums where interviewer_id = new.interviewer_id);
END;
--> statement-breakpoint
CREATE TRIGGER calibration_sums_totals_update AFTER UPDATE ON calibration_sums BEGIN
  insert into calibration_totals (interviewer_id, first_card, scorecards, rating_sum, rating_count, not_assessed, no_decision, decided, agreed, shared_applications, shared_sum, shared_count, co_panel_sum, co_panel_count)
    values (old.interviewer_id, (select min(first_card) from calibration_sums where interviewer_id = old.interviewer_id), -old.scorecards, -old.rating_sum, -old.rating_count, -old.not_assessed, -old.no_decision, -old.decided, -old.agreed, -old.shared_applications, -old.shared_sum, -old.shared_count, -old.co_panel_sum, -old.co_panel_count)
    on conflict (interviewer_id) do update set
      scorecards = calibration_totals.scorecards + excluded.scorecards, rating_sum = calibration_totals.rating_sum + excluded.rating_sum, rating_count = calibration_totals.rating_count + excluded.rating_count, not_assessed = calibration_totals.not_assessed + excluded.not_assessed, no_decision = calibration_totals.no_decision + excluded.no_decision, decided = calibration_totals.decided + excluded.decided, agreed = calibration_totals.agreed + excluded.agreed, shared_applications = calibration_totals.shared_applications + excluded.shared_applications, shared_sum = calibration_totals.shared_sum + excluded.shared_sum, shared_count = calibration_totals.shared_count + excluded.shared_count, co_panel_sum = calibration_totals.co_panel_sum + excluded.co_panel_sum, co_panel_count = calibration_totals.co_panel_count + excluded.co_panel_count,
      first_card = excluded.first_card;
  delete from calibration_totals where interviewer_id = old.interviewer_id
      and not exists (select 1 from calibration_sums where interviewer_id = old.interviewer_id);
  insert into calibration_totals (interviewer_id, first_card, scorecards, rating_sum, rating_count, not_assessed, no_decision, decided, agreed, shared_applications, shared_sum, shared_count, co_panel_sum, co_panel_count)
    values (new.interviewer_id, (select min(first_card) from calibration_sums where interviewer_id = new.interviewer_id), +new.scorecards, +new.rating_sum, +new.rating_count, +new.not_assessed, +new.no_decision, +new.decided, +new.agreed, +new.shared_applications, +new.shared_sum, +new.shared_count, +new.co_panel_sum, +new.co_panel_count)
    on conflict (interviewer_id) do update set
      scorecards = calibration_totals.scorecards + excluded.scorecards, rating_sum = calibration_totals.rating_sum + excluded.rating_sum, rating_count = calibration_totals.rating_count + excluded.rating_count, not_assessed = calibration_totals.not_assessed + excluded.not_assessed, no_decision = calibration_totals.no_decision + excluded.no_decision, decided = calibration_totals.decided + excluded.decided, agreed = calibration_totals.agreed + excluded.agreed, shared_applications = calibration_totals.shared_applications + excluded.shared_applications, shared_sum = calibration_totals.shared_sum + excluded.shared_sum, shared_count = calibration_totals.shared_count + excluded.shared_count, co_panel_sum = calibration_totals.co_panel_sum + excluded.co_panel_sum, co_panel_count = calibration_totals.co_panel_count + excluded.co_panel_count,
      first_card = excluded.first_card;
  delete from calibration_totals where interviewer_id = new.interviewer_id
      and not exists (select 1 from calibration_sums where interviewer_id = new.interviewer_id);
END;
--> statement-breakpoint
CREATE TRIGGER calibration_sums_totals_delete AFTER DELETE ON calibration_sums BEGIN
  insert into calibration_totals (interviewer_id, first_card, scorecards, rating_sum, rating_count, not_assessed, no_decision, decided, agreed, shared_applications, shared_sum, shared_count, co_panel_sum, co_panel_count)
    values (old.interviewer_id, (select min(first_card) from calibration_sums where interviewer_id = old.interviewer_id), -old.scorecards, -old.rating_sum, -old.rating_count, -old.not_assessed, -old.no_decision, -old.decided, -old.agreed, -old.shared_applications, -old.shared_sum, -old.shared_count, -old.co_panel_sum, -old.co_panel_count)
    on conflict (interviewer_id) do update set
      scorecards = calibration_totals.scorecards + excluded.scorecards, rating_sum = calibration_totals.rating_sum + excluded.rating_sum, rating_count = calibration_totals.rating_count + excluded.rating_count, not_assessed = calibration_totals.not_assessed + excluded.not_assessed, no_decision = calibration_totals.no_decision + excluded.no_decision, decided = calibration_totals.decided + excluded.decided, agreed = calibration_totals.agreed + excluded.agreed, shared_applications = calibration_totals.shared_applications + excluded.shared_applications, shared_sum = calibration_totals.shared_sum + excluded.shared_sum, shared_count = calibration_totals.shared_count + excluded.shared_count, co_panel_sum = calibration_totals.co_panel_sum + excluded.co_panel_sum, co_panel_count = calibration_totals.co_panel_count + excluded.co_panel_count,
      first_card = excluded.first_card;
  delete from calibration_totals where interviewer_id = old.interviewer_id
      and not exists (select 1 from calibration_sums where interviewer_id = old.interviewer_id);
END;
--> statement-breakpoint
CREATE TRIGGER agreement_units_totals_insert AFTER INSERT ON agreement_units BEGIN
  insert into agreement_unit_totals (c1, c2, c3, c4, times)
    values (new.c1, new.c2, new.c3, new.c4, +new.times)
    on conflict (c1, c2, c3, c4) do update set times = agreement_unit_totals.times + excluded.times;
  delete from agreement_unit_totals where c1 = new.c1 and c2 = new.c2 and c3 = new.c3 and c4 = new.c4 and times <= 0;
END;
--> statement-breakpoint
CREATE TRIGGER agreement_units_totals_update AFTER UPDATE ON agreement_units BEGIN
  insert into agreement_unit_totals (c1, c2, c3, c4, times)
    values (old.c1, old.c2, old.c3, old.c4, -old.times)
    on conflict (c1, c2, c3, c4) do update set times = agreement_unit_totals.times + excluded.times;
  delete from agreement_unit_totals where c1 = old.c1 and c2 = old.c2 and c3 = old.c3 and c4 = old.c4 and times <= 0;
  insert into agreement_unit_totals (c1, c2, c3, c4, times)
    values (new.c1, new.c2, new.c3, new.c4, +new.times)
    on conflict (c1, c2, c3, c4) do update set times = agreement_unit_totals.times + excluded.times;
  delete from agreement_unit_totals where c1 = new.c1 and c2 = new.c2 and c3 = new.c3 and c4 = new.c4 and times <= 0;
END;
--> statement-breakpoint
CREATE TRIGGER agreement_units_totals_delete AFTER DELETE ON agreement_units BEGIN
  insert into agreement_unit_totals (c1, c2, c3, c4, times)
    values (old.c1, old.c2, old.c3, old.c4, -old.times)
    on conflict (c1, c2, c3, c4) do update set times = agreement_unit_totals.times + excluded.times;
  delete from agreement_unit_totals where c1 = old.c1 and c2 = old.c2 and c3 = old.c3 and c4 = old.c4 and times <= 0;
END;
--> statement-breakpoint
insert into calibration_totals (interviewer_id, first_card, scorecards, rating_sum, rating_count, not_assessed, no_decision, decided, agreed, shared_applications, shared_sum, shared_count, co_panel_sum, co_panel_count)
  select interviewer_id, min(first_card), sum(scorecards), sum(rating_sum), sum(rating_count), sum(not_assessed), sum(no_decision), sum(decided), sum(agreed), sum(shared_applications), sum(shared_sum), sum(shared_count), sum(co_panel_sum), sum(co_panel_count)
  from calibration_sums group by interviewer_id;
--> statement-breakpoint
insert into agreement_unit_totals (c1, c2, c3, c4, times)
  select c1, c2, c3, c4, sum(times) from agreement_units group by c1, c2, c3, c4 having sum(times) > 0;
