CREATE TABLE `agreement_interviewers` (
	`interviewer_id` integer NOT NULL,
	`own` integer NOT NULL,
	`c1` integer NOT NULL,
	`c2` integer NOT NULL,
	`c3` integer NOT NULL,
	`c4` integer NOT NULL,
	`times` integer NOT NULL,
	PRIMARY KEY(`interviewer_id`, `own`, `c1`, `c2`, `c3`, `c4`)
);
--> statement-breakpoint
CREATE TABLE `agreement_observers` (
	`role_id` integer NOT NULL,
	`interviewer_id` integer NOT NULL,
	`own` integer NOT NULL,
	`c1` integer NOT NULL,
	`c2` integer NOT NULL,
	`c3` integer NOT NULL,
	`c4` integer NOT NULL,
	`times` integer NOT NULL,
	PRIMARY KEY(`role_id`, `interviewer_id`, `own`, `c1`, `c2`, `c3`, `c4`)
);
--> statement-breakpoint
CREATE TABLE `agreement_ratings` (
	`application_id` integer NOT NULL,
	`area_key` text NOT NULL,
	`interviewer_id` integer NOT NULL,
	`role_id` integer NOT NULL,
	`rating` integer NOT NULL,
	PRIMARY KEY(`application_id`, `area_key`, `interviewer_id`)
);
--> statement-breakpoint
CREATE TABLE `agreement_units` (
	`role_id` integer NOT NULL,
	`c1` integer NOT NULL,
	`c2` integer NOT NULL,
	`c3` integer NOT NULL,
	`c4` integer NOT NULL,
	`times` integer NOT NULL,
	PRIMARY KEY(`role_id`, `c1`, `c2`, `c3`, `c4`)
);
--> statement-breakpoint
CREATE TABLE `calibration_cards` (
	`scorecard_id` integer PRIMARY KEY NOT NULL,
	`application_id` integer NOT NULL,
	`role_id` integer NOT NULL,
	`interviewer_id` integer NOT NULL,
	`hours` real NOT NULL
);
--> statement-breakpoint
CREATE INDEX `calibration_cards_application_idx` ON `calibration_cards` (`application_id`);--> statement-breakpoint
CREATE INDEX `calibration_cards_interviewer_idx` ON `calibration_cards` (`interviewer_id`,`hours`);--> statement-breakpoint
CREATE INDEX `calibration_cards_role_idx` ON `calibration_cards` (`role_id`,`interviewer_id`,`hours`);--> statement-breakpoint
CREATE TABLE `calibration_defer` (
	`deferred` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `calibration_dirty` (
	`application_id` integer PRIMARY KEY NOT NULL
);
--> statement-breakpoint
CREATE TABLE `calibration_pairs` (
	`application_id` integer NOT NULL,
	`interviewer_id` integer NOT NULL,
	`role_id` integer NOT NULL,
	`scorecards` integer NOT NULL,
	`first_card` integer NOT NULL,
	`rating_sum` integer NOT NULL,
	`rating_count` integer NOT NULL,
	`not_assessed` integer NOT NULL,
	`no_decision` integer NOT NULL,
	`decided` integer NOT NULL,
	`agreed` integer NOT NULL,
	`shared` integer NOT NULL,
	`shared_sum` integer NOT NULL,
	`shared_count` integer NOT NULL,
	`co_panel_sum` integer NOT NULL,
	`co_panel_count` integer NOT NULL,
	PRIMARY KEY(`application_id`, `interviewer_id`)
);
--> statement-breakpoint
CREATE INDEX `calibration_pairs_role_idx` ON `calibration_pairs` (`role_id`,`interviewer_id`,`first_card`);--> statement-breakpoint
CREATE TABLE `calibration_refresh` (
	`application_id` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `calibration_sums` (
	`role_id` integer NOT NULL,
	`interviewer_id` integer NOT NULL,
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
	`co_panel_count` integer NOT NULL,
	PRIMARY KEY(`role_id`, `interviewer_id`)
);
--> statement-breakpoint
CREATE INDEX `calibration_sums_first_card_idx` ON `calibration_sums` (`first_card`);--> statement-breakpoint
CREATE TABLE `decision_ready` (
	`application_id` integer PRIMARY KEY NOT NULL,
	`role_id` integer NOT NULL,
	`ready_at` integer NOT NULL,
	`scorecards` integer NOT NULL,
	`take_home` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `decision_ready_order_idx` ON `decision_ready` (`ready_at`,`application_id`);--> statement-breakpoint
CREATE INDEX `decision_ready_role_idx` ON `decision_ready` (`role_id`,`ready_at`,`application_id`);--> statement-breakpoint
CREATE TRIGGER calibration_refresh_application AFTER INSERT ON calibration_refresh BEGIN
  delete from decision_ready where application_id = new.application_id;
  insert into decision_ready (application_id, role_id, ready_at, scorecards, take_home) select a.id, a.role_id,
      case when work.last is not null and (seat.last is null or work.last > seat.last) then work.last else seat.last end,
      seat.n, work.app is not null
    from applications a
    join (
      select i.application_id as app, count(*) as n, sum(s.status = 'submitted') as done, max(s.submitted_at) as last
      from applications a
      join interviews i on i.application_id = a.id and i.cancelled_at is null
      join interview_panel p on p.interview_id = i.id
      left join scorecards s on s.interview_id = i.id and s.interviewer_id = p.user_id
      where a.id = new.application_id
      group by i.application_id
    ) seat on seat.app = a.id
    left join (
      select t.application_id as app, sum(t.status not in ('graded', 'waived')) as pending, max(g.submitted_at) as last
      from applications a
      join take_homes t on t.application_id = a.id
      left join take_home_grades g on g.take_home_id = t.id and g.submitted_at is not null
      where a.id = new.application_id
      group by t.application_id
    ) work on work.app = a.id
    where a.id = new.application_id and a.stage in ('sourced', 'screening', 'interviewing', 'take_home', 'final', 'offer') and seat.done = seat.n and coalesce(work.pending, 0) = 0
      and (seat.last is not null or work.last is not null)
      and not exists (select 1 from decisions d where d.application_id = a.id and d.stage = a.stage);
  update calibration_sums set scorecards = calibration_sums.scorecards - p.scorecards, rating_sum = calibration_sums.rating_sum - p.rating_sum, rating_count = calibration_sums.rating_count - p.rating_count, not_assessed = calibration_sums.not_assessed - p.not_assessed, no_decision = calibration_sums.no_decision - p.no_decision, decided = calibration_sums.decided - p.decided, agreed = calibration_sums.agreed - p.agreed, shared_applications = calibration_sums.shared_applications - p.shared, shared_sum = calibration_sums.shared_sum - p.shared_sum, shared_count = calibration_sums.shared_count - p.shared_count, co_panel_sum = calibration_sums.co_panel_sum - p.co_panel_sum, co_panel_count = calibration_sums.co_panel_count - p.co_panel_count,
      first_card = case when calibration_sums.first_card = p.first_card then null else calibration_sums.first_card end
    from calibration_pairs p
    where p.application_id = new.application_id and calibration_sums.role_id = p.role_id
      and calibration_sums.interviewer_id = p.interviewer_id;
  delete from calibration_pairs where application_id = new.application_id;
  insert into calibration_pairs (application_id, interviewer_id, role_id, scorecards, first_card, rating_sum, rating_count,
  not_assessed, no_decision, decided, agreed, shared, shared_sum, shared_count, co_panel_sum, co_panel_count) select p.app, p.iv, p.role, p.cards, p.first, p.s, p.n, p.na, p.nd, p.decided, p.agreed,
      p.n > 0 and t.n - p.n > 0,
      case when p.n > 0 and t.n - p.n > 0 then p.s else 0 end,
      case when p.n > 0 and t.n - p.n > 0 then p.n else 0 end,
      case when p.n > 0 and t.n - p.n > 0 then t.s - p.s else 0 end,
      case when p.n > 0 and t.n - p.n > 0 then t.n - p.n else 0 end
    from (
      select app, iv, role, count(*) as cards, min(id) as first, sum(rs) as s, sum(rn) as n, sum(na) as na,
        sum(rec = 'no_decision') as nd, sum(rec <> 'no_decision' and outcome is not null) as decided,
        sum(rec <> 'no_decision' and outcome is not null
          and (rec in ('yes', 'strong_yes')) = (outcome = 'positive')) as agreed
      from (select s.id as id, s.interviewer_id as iv, i.application_id as app, a.role_id as role, s.recommendation as rec,
      case when a.stage in ('hired', 'offer') then 'positive' when a.stage = 'rejected' then 'negative' end as outcome,
      coalesce(sum(r.rating), 0) as rs, count(r.rating) as rn, count(r.scorecard_id) - count(r.rating) as na
    from interviews i
    join applications a on a.id = i.application_id
    join scorecards s on s.interview_id = i.id
    left join scorecard_ratings r on r.scorecard_id = s.id
    where s.status = 'submitted' and i.application_id = new.application_id
    group by s.id) group by app, iv
    ) p
    join (select app, sum(rs) as s, sum(rn) as n from (select s.id as id, s.interviewer_id as iv, i.application_id as app, a.role_id as role, s.recommendation as rec,
      case when a.stage in ('hired', 'offer') then 'positive' when a.stage = 'rejected' then 'negative' end as outcome,
      coalesce(sum(r.rating), 0) as rs, count(r.rating) as rn, count(r.scorecard_id) - count(r.rating) as na
    from interviews i
    join applications a on a.id = i.application_id
    join scorecards s on s.interview_id = i.id
    left join scorecard_ratings r on r.scorecard_id = s.id
    where s.status = 'submitted' and i.application_id = new.application_id
    group by s.id) group by app) t on t.app = p.app;
  insert into calibration_sums (role_id, interviewer_id, scorecards, first_card, rating_sum, rating_count, not_assessed,
  no_decision, decided, agreed, shared_applications, shared_sum, shared_count, co_panel_sum, co_panel_count)
    select role_id, interviewer_id, scorecards, first_card, rating_sum, rating_count, not_assessed, no_decision, decided,
      agreed, shared, shared_sum, shared_count, co_panel_sum, co_panel_count
    from calibration_pairs where application_id = new.application_id
    on conflict (role_id, interviewer_id) do update set
      scorecards = calibration_sums.scorecards + excluded.scorecards, rating_sum = calibration_sums.rating_sum + excluded.rating_sum, rating_count = calibration_sums.rating_count + excluded.rating_count, not_assessed = calibration_sums.not_assessed + excluded.not_assessed, no_decision = calibration_sums.no_decision + excluded.no_decision, decided = calibration_sums.decided + excluded.decided, agreed = calibration_sums.agreed + excluded.agreed, shared_applications = calibration_sums.shared_applications + excluded.shared_applications, shared_sum = calibration_sums.shared_sum + excluded.shared_sum, shared_count = calibration_sums.shared_count + excluded.shared_count, co_panel_sum = calibration_sums.co_panel_sum + excluded.co_panel_sum, co_panel_count = calibration_sums.co_panel_count + excluded.co_panel_count,
      first_card = min(calibration_sums.first_card, excluded.first_card);
  update calibration_sums set first_card = (
      select min(p.first_card) from calibration_pairs p
      where p.role_id = calibration_sums.role_id and p.interviewer_id = calibration_sums.interviewer_id
    ) where first_card is null;
  delete from calibration_sums where first_card is null;
  delete from calibration_cards where application_id = new.application_id;
  insert into calibration_cards (scorecard_id, application_id, role_id, interviewer_id, hours) select s.id, i.application_id, a.role_id, s.interviewer_id, case when s.submitted_at - i.ends_at is null then 0
    else max(0, (s.submitted_at - i.ends_at) / 3600000.0) end
    from interviews i
    join applications a on a.id = i.application_id
    join scorecards s on s.interview_id = i.id
    where s.status = 'submitted' and i.application_id = new.application_id;
  update agreement_observers set times = agreement_observers.times - d.k from (select u.role_id as role_id, o.interviewer_id as interviewer_id, o.rating as own, u.c1 as c1, u.c2 as c2, u.c3 as c3, u.c4 as c4, count(*) as k
    from agreement_ratings o
    join (select application_id, area_key, role_id, sum(rating = 1) as c1, sum(rating = 2) as c2,
      sum(rating = 3) as c3, sum(rating = 4) as c4
    from agreement_ratings o where o.application_id = new.application_id group by application_id, area_key having count(*) >= 2) u on u.application_id = o.application_id and u.area_key = o.area_key
    where o.application_id = new.application_id
    group by u.role_id, o.interviewer_id, o.rating, u.c1, u.c2, u.c3, u.c4) d
    where agreement_observers.role_id = d.role_id and agreement_observers.interviewer_id = d.interviewer_id and agreement_observers.own = d.own and agreement_observers.c1 = d.c1 and agreement_observers.c2 = d.c2 and agreement_observers.c3 = d.c3 and agreement_observers.c4 = d.c4;
  update agreement_interviewers set times = agreement_interviewers.times - d.k from (select o.interviewer_id as interviewer_id, o.rating as own, u.c1 as c1, u.c2 as c2, u.c3 as c3, u.c4 as c4, count(*) as k
    from agreement_ratings o
    join (select application_id, area_key, role_id, sum(rating = 1) as c1, sum(rating = 2) as c2,
      sum(rating = 3) as c3, sum(rating = 4) as c4
    from agreement_ratings o where o.application_id = new.application_id group by application_id, area_key having count(*) >= 2) u on u.application_id = o.application_id and u.area_key = o.area_key
    where o.application_id = new.application_id
    group by o.interviewer_id, o.rating, u.c1, u.c2, u.c3, u.c4) d
    where agreement_interviewers.interviewer_id = d.interviewer_id and agreement_interviewers.own = d.own and agreement_interviewers.c1 = d.c1 and agreement_interviewers.c2 = d.c2 and agreement_interviewers.c3 = d.c3 and agreement_interviewers.c4 = d.c4;
  update agreement_units set times = agreement_units.times - d.k from (select role_id, c1, c2, c3, c4, count(*) as k from (select application_id, area_key, role_id, sum(rating = 1) as c1, sum(rating = 2) as c2,
      sum(rating = 3) as c3, sum(rating = 4) as c4
    from agreement_ratings o where o.application_id = new.application_id group by application_id, area_key having count(*) >= 2) u group by role_id, c1, c2, c3, c4) d
    where agreement_units.role_id = d.role_id and agreement_units.c1 = d.c1 and agreement_units.c2 = d.c2 and agreement_units.c3 = d.c3 and agreement_units.c4 = d.c4;
  delete from agreement_observers where times <= 0 and (role_id, interviewer_id, own) in (select role_id, interviewer_id, rating from agreement_ratings o where o.application_id = new.application_id);
  delete from agreement_interviewers where times <= 0 and (interviewer_id, own) in (select interviewer_id, rating from agreement_ratings o where o.application_id = new.application_id);
  delete from agreement_units where times <= 0 and (role_id) in (select role_id from agreement_ratings o where o.application_id = new.application_id);
  delete from agreement_ratings where application_id = new.application_id;
  insert into agreement_ratings (application_id, area_key, interviewer_id, role_id, rating) select app, area, who, role, v from (
      select i.application_id as app, r.area_key as area, s.interviewer_id as who, a.role_id as role, r.rating as v,
        max(s.submitted_at * 1000000 + s.id % 1000000) as latest
      from interviews i
      join applications a on a.id = i.application_id
      join scorecards s on s.interview_id = i.id
      join scorecard_ratings r on r.scorecard_id = s.id
      where s.status = 'submitted' and r.rating between 1 and 4 and i.application_id = new.application_id
      group by i.application_id, r.area_key, s.interviewer_id
    );
  insert into agreement_observers (role_id, interviewer_id, own, c1, c2, c3, c4, times)
    select * from (select u.role_id as role_id, o.interviewer_id as interviewer_id, o.rating as own, u.c1 as c1, u.c2 as c2, u.c3 as c3, u.c4 as c4, count(*) as k
    from agreement_ratings o
    join (select application_id, area_key, role_id, sum(rating = 1) as c1, sum(rating = 2) as c2,
      sum(rating = 3) as c3, sum(rating = 4) as c4
    from agreement_ratings o where o.application_id = new.application_id group by application_id, area_key having count(*) >= 2) u on u.application_id = o.application_id and u.area_key = o.area_key
    where o.application_id = new.application_id
    group by u.role_id, o.interviewer_id, o.rating, u.c1, u.c2, u.c3, u.c4) where true
    on conflict (role_id, interviewer_id, own, c1, c2, c3, c4) do update set times = agreement_observers.times + excluded.times;
  insert into agreement_interviewers (interviewer_id, own, c1, c2, c3, c4, times)
    select * from (select o.interviewer_id as interviewer_id, o.rating as own, u.c1 as c1, u.c2 as c2, u.c3 as c3, u.c4 as c4, count(*) as k
    from agreement_ratings o
    join (select application_id, area_key, role_id, sum(rating = 1) as c1, sum(rating = 2) as c2,
      sum(rating = 3) as c3, sum(rating = 4) as c4
    from agreement_ratings o where o.application_id = new.application_id group by application_id, area_key having count(*) >= 2) u on u.application_id = o.application_id and u.area_key = o.area_key
    where o.application_id = new.application_id
    group by o.interviewer_id, o.rating, u.c1, u.c2, u.c3, u.c4) where true
    on conflict (interviewer_id, own, c1, c2, c3, c4) do update set times = agreement_interviewers.times + excluded.times;
  insert into agreement_units (role_id, c1, c2, c3, c4, times)
    select * from (select role_id, c1, c2, c3, c4, count(*) as k from (select application_id, area_key, role_id, sum(rating = 1) as c1, sum(rating = 2) as c2,
      sum(rating = 3) as c3, sum(rating = 4) as c4
    from agreement_ratings o where o.application_id = new.application_id group by application_id, area_key having count(*) >= 2) u group by role_id, c1, c2, c3, c4) where true
    on conflict (role_id, c1, c2, c3, c4) do update set times = agreement_units.times + excluded.times;
  delete from calibration_refresh where rowid = new.rowid;
END;
--> statement-breakpoint
CREATE TRIGGER scorecards_calibration_insert AFTER INSERT ON scorecards WHEN new.status = 'submitted' BEGIN
  insert into calibration_dirty (application_id)
    select distinct app from (select application_id as app from interviews where id = new.interview_id) q where app is not null and exists (select 1 from calibration_defer)
      and not exists (select 1 from calibration_dirty d where d.application_id = q.app);
  insert into calibration_refresh (application_id)
    select distinct app from (select application_id as app from interviews where id = new.interview_id) q where app is not null and not exists (select 1 from calibration_defer);
END;
--> statement-breakpoint
CREATE TRIGGER scorecards_calibration_update
AFTER UPDATE OF id, status, interviewer_id, interview_id, recommendation, submitted_at ON scorecards
WHEN new.status = 'submitted' OR old.status = 'submitted' BEGIN
  insert into calibration_dirty (application_id)
    select distinct app from (select application_id as app from interviews where id = new.interview_id) q where app is not null and exists (select 1 from calibration_defer)
      and not exists (select 1 from calibration_dirty d where d.application_id = q.app);
  insert into calibration_refresh (application_id)
    select distinct app from (select application_id as app from interviews where id = new.interview_id) q where app is not null and not exists (select 1 from calibration_defer);
  insert into calibration_dirty (application_id)
    select distinct app from (select application_id as app from interviews where id = old.interview_id) q where app is not null and exists (select 1 from calibration_defer)
      and not exists (select 1 from calibration_dirty d where d.application_id = q.app);
  insert into calibration_refresh (application_id)
    select distinct app from (select application_id as app from interviews where id = old.interview_id) q where app is not null and not exists (select 1 from calibration_defer);
END;
--> statement-breakpoint
CREATE TRIGGER scorecards_calibration_delete AFTER DELETE ON scorecards WHEN old.status = 'submitted' BEGIN
  insert into calibration_dirty (application_id)
    select distinct app from (select application_id as app from interviews where id = old.interview_id) q where app is not null and exists (select 1 from calibration_defer)
      and not exists (select 1 from calibration_dirty d where d.application_id = q.app);
  insert into calibration_refresh (application_id)
    select distinct app from (select application_id as app from interviews where id = old.interview_id) q where app is not null and not exists (select 1 from calibration_defer);
END;
--> statement-breakpoint
CREATE TRIGGER scorecard_ratings_calibration_insert AFTER INSERT ON scorecard_ratings
WHEN (select status from scorecards where id = new.scorecard_id) = 'submitted' BEGIN
  insert into calibration_dirty (application_id)
    select distinct app from (select i.application_id as app from scorecards s join interviews i on i.id = s.interview_id where s.id = new.scorecard_id) q where app is not null and exists (select 1 from calibration_defer)
      and not exists (select 1 from calibration_dirty d where d.application_id = q.app);
  insert into calibration_refresh (application_id)
    select distinct app from (select i.application_id as app from scorecards s join interviews i on i.id = s.interview_id where s.id = new.scorecard_id) q where app is not null and not exists (select 1 from calibration_defer);
END;
--> statement-breakpoint
CREATE TRIGGER scorecard_ratings_calibration_update AFTER UPDATE OF scorecard_id, area_key, rating ON scorecard_ratings
WHEN (select status from scorecards where id = new.scorecard_id) = 'submitted' OR (select status from scorecards where id = old.scorecard_id) = 'submitted' BEGIN
  insert into calibration_dirty (application_id)
    select distinct app from (select i.application_id as app from scorecards s join interviews i on i.id = s.interview_id where s.id = new.scorecard_id) q where app is not null and exists (select 1 from calibration_defer)
      and not exists (select 1 from calibration_dirty d where d.application_id = q.app);
  insert into calibration_refresh (application_id)
    select distinct app from (select i.application_id as app from scorecards s join interviews i on i.id = s.interview_id where s.id = new.scorecard_id) q where app is not null and not exists (select 1 from calibration_defer);
  insert into calibration_dirty (application_id)
    select distinct app from (select i.application_id as app from scorecards s join interviews i on i.id = s.interview_id where s.id = old.scorecard_id) q where app is not null and exists (select 1 from calibration_defer)
      and not exists (select 1 from calibration_dirty d where d.application_id = q.app);
  insert into calibration_refresh (application_id)
    select distinct app from (select i.application_id as app from scorecards s join interviews i on i.id = s.interview_id where s.id = old.scorecard_id) q where app is not null and not exists (select 1 from calibration_defer);
END;
--> statement-breakpoint
CREATE TRIGGER scorecard_ratings_calibration_delete AFTER DELETE ON scorecard_ratings
WHEN (select status from scorecards where id = old.scorecard_id) = 'submitted' BEGIN
  insert into calibration_dirty (application_id)
    select distinct app from (select i.application_id as app from scorecards s join interviews i on i.id = s.interview_id where s.id = old.scorecard_id) q where app is not null and exists (select 1 from calibration_defer)
      and not exists (select 1 from calibration_dirty d where d.application_id = q.app);
  insert into calibration_refresh (application_id)
    select distinct app from (select i.application_id as app from scorecards s join interviews i on i.id = s.interview_id where s.id = old.scorecard_id) q where app is not null and not exists (select 1 from calibration_defer);
END;
--> statement-breakpoint
CREATE TRIGGER interviews_calibration_update AFTER UPDATE OF id, application_id, ends_at ON interviews BEGIN
  insert into calibration_dirty (application_id)
    select distinct app from (select old.application_id as app union select new.application_id) q where app is not null and exists (select 1 from calibration_defer)
      and not exists (select 1 from calibration_dirty d where d.application_id = q.app);
  insert into calibration_refresh (application_id)
    select distinct app from (select old.application_id as app union select new.application_id) q where app is not null and not exists (select 1 from calibration_defer);
END;
--> statement-breakpoint
CREATE TRIGGER interviews_calibration_delete AFTER DELETE ON interviews BEGIN
  insert into calibration_dirty (application_id)
    select distinct app from (select old.application_id as app) q where app is not null and exists (select 1 from calibration_defer)
      and not exists (select 1 from calibration_dirty d where d.application_id = q.app);
  insert into calibration_refresh (application_id)
    select distinct app from (select old.application_id as app) q where app is not null and not exists (select 1 from calibration_defer);
END;
--> statement-breakpoint
CREATE TRIGGER applications_calibration_update AFTER UPDATE OF id, role_id, stage ON applications BEGIN
  insert into calibration_dirty (application_id)
    select distinct app from (select old.id as app union select new.id) q where app is not null and exists (select 1 from calibration_defer)
      and not exists (select 1 from calibration_dirty d where d.application_id = q.app);
  insert into calibration_refresh (application_id)
    select distinct app from (select old.id as app union select new.id) q where app is not null and not exists (select 1 from calibration_defer);
END;
--> statement-breakpoint
CREATE TRIGGER applications_calibration_delete AFTER DELETE ON applications BEGIN
  insert into calibration_dirty (application_id)
    select distinct app from (select old.id as app) q where app is not null and exists (select 1 from calibration_defer)
      and not exists (select 1 from calibration_dirty d where d.application_id = q.app);
  insert into calibration_refresh (application_id)
    select distinct app from (select old.id as app) q where app is not null and not exists (select 1 from calibration_defer);
END;
--> statement-breakpoint
CREATE TRIGGER interview_panel_decision_insert AFTER INSERT ON interview_panel BEGIN
  insert into calibration_dirty (application_id)
    select distinct app from (select application_id as app from interviews where id = new.interview_id) q where app is not null and exists (select 1 from calibration_defer)
      and not exists (select 1 from calibration_dirty d where d.application_id = q.app);
  insert into calibration_refresh (application_id)
    select distinct app from (select application_id as app from interviews where id = new.interview_id) q where app is not null and not exists (select 1 from calibration_defer);
END;
--> statement-breakpoint
CREATE TRIGGER interview_panel_decision_delete AFTER DELETE ON interview_panel BEGIN
  insert into calibration_dirty (application_id)
    select distinct app from (select application_id as app from interviews where id = old.interview_id) q where app is not null and exists (select 1 from calibration_defer)
      and not exists (select 1 from calibration_dirty d where d.application_id = q.app);
  insert into calibration_refresh (application_id)
    select distinct app from (select application_id as app from interviews where id = old.interview_id) q where app is not null and not exists (select 1 from calibration_defer);
END;
--> statement-breakpoint
CREATE TRIGGER interview_panel_decision_update AFTER UPDATE ON interview_panel BEGIN
  insert into calibration_dirty (application_id)
    select distinct app from (select application_id as app from interviews where id = new.interview_id) q where app is not null and exists (select 1 from calibration_defer)
      and not exists (select 1 from calibration_dirty d where d.application_id = q.app);
  insert into calibration_refresh (application_id)
    select distinct app from (select application_id as app from interviews where id = new.interview_id) q where app is not null and not exists (select 1 from calibration_defer);
  insert into calibration_dirty (application_id)
    select distinct app from (select application_id as app from interviews where id = old.interview_id) q where app is not null and exists (select 1 from calibration_defer)
      and not exists (select 1 from calibration_dirty d where d.application_id = q.app);
  insert into calibration_refresh (application_id)
    select distinct app from (select application_id as app from interviews where id = old.interview_id) q where app is not null and not exists (select 1 from calibration_defer);
END;
--> statement-breakpoint
CREATE TRIGGER interviews_decision_cancel AFTER UPDATE OF cancelled_at ON interviews BEGIN
  insert into calibration_dirty (application_id)
    select distinct app from (select new.application_id as app) q where app is not null and exists (select 1 from calibration_defer)
      and not exists (select 1 from calibration_dirty d where d.application_id = q.app);
  insert into calibration_refresh (application_id)
    select distinct app from (select new.application_id as app) q where app is not null and not exists (select 1 from calibration_defer);
END;
--> statement-breakpoint
CREATE TRIGGER take_homes_decision_insert AFTER INSERT ON take_homes BEGIN
  insert into calibration_dirty (application_id)
    select distinct app from (select new.application_id as app) q where app is not null and exists (select 1 from calibration_defer)
      and not exists (select 1 from calibration_dirty d where d.application_id = q.app);
  insert into calibration_refresh (application_id)
    select distinct app from (select new.application_id as app) q where app is not null and not exists (select 1 from calibration_defer);
END;
--> statement-breakpoint
CREATE TRIGGER take_homes_decision_update AFTER UPDATE OF id, application_id, status ON take_homes BEGIN
  insert into calibration_dirty (application_id)
    select distinct app from (select old.application_id as app union select new.application_id) q where app is not null and exists (select 1 from calibration_defer)
      and not exists (select 1 from calibration_dirty d where d.application_id = q.app);
  insert into calibration_refresh (application_id)
    select distinct app from (select old.application_id as app union select new.application_id) q where app is not null and not exists (select 1 from calibration_defer);
END;
--> statement-breakpoint
CREATE TRIGGER take_homes_decision_delete AFTER DELETE ON take_homes BEGIN
  insert into calibration_dirty (application_id)
    select distinct app from (select old.application_id as app) q where app is not null and exists (select 1 from calibration_defer)
      and not exists (select 1 from calibration_dirty d where d.application_id = q.app);
  insert into calibration_refresh (application_id)
    select distinct app from (select old.application_id as app) q where app is not null and not exists (select 1 from calibration_defer);
END;
--> statement-breakpoint
CREATE TRIGGER take_home_grades_decision_insert AFTER INSERT ON take_home_grades WHEN new.submitted_at IS NOT NULL BEGIN
  insert into calibration_dirty (application_id)
    select distinct app from (select application_id as app from take_homes where id = new.take_home_id) q where app is not null and exists (select 1 from calibration_defer)
      and not exists (select 1 from calibration_dirty d where d.application_id = q.app);
  insert into calibration_refresh (application_id)
    select distinct app from (select application_id as app from take_homes where id = new.take_home_id) q where app is not null and not exists (select 1 from calibration_defer);
END;
--> statement-breakpoint
CREATE TRIGGER take_home_grades_decision_update AFTER UPDATE OF take_home_id, submitted_at ON take_home_grades
WHEN new.submitted_at IS NOT NULL OR old.submitted_at IS NOT NULL BEGIN
  insert into calibration_dirty (application_id)
    select distinct app from (select application_id as app from take_homes where id in (old.take_home_id, new.take_home_id)) q where app is not null and exists (select 1 from calibration_defer)
      and not exists (select 1 from calibration_dirty d where d.application_id = q.app);
  insert into calibration_refresh (application_id)
    select distinct app from (select application_id as app from take_homes where id in (old.take_home_id, new.take_home_id)) q where app is not null and not exists (select 1 from calibration_defer);
END;
--> statement-breakpoint
CREATE TRIGGER take_home_grades_decision_delete AFTER DELETE ON take_home_grades WHEN old.submitted_at IS NOT NULL BEGIN
  insert into calibration_dirty (application_id)
    select distinct app from (select application_id as app from take_homes where id = old.take_home_id) q where app is not null and exists (select 1 from calibration_defer)
      and not exists (select 1 from calibration_dirty d where d.application_id = q.app);
  insert into calibration_refresh (application_id)
    select distinct app from (select application_id as app from take_homes where id = old.take_home_id) q where app is not null and not exists (select 1 from calibration_defer);
END;
--> statement-breakpoint
CREATE TRIGGER decisions_decision_insert AFTER INSERT ON decisions BEGIN
  insert into calibration_dirty (application_id)
    select distinct app from (select new.application_id as app) q where app is not null and exists (select 1 from calibration_defer)
      and not exists (select 1 from calibration_dirty d where d.application_id = q.app);
  insert into calibration_refresh (application_id)
    select distinct app from (select new.application_id as app) q where app is not null and not exists (select 1 from calibration_defer);
END;
--> statement-breakpoint
CREATE TRIGGER decisions_decision_delete AFTER DELETE ON decisions BEGIN
  insert into calibration_dirty (application_id)
    select distinct app from (select old.application_id as app) q where app is not null and exists (select 1 from calibration_defer)
      and not exists (select 1 from calibration_dirty d where d.application_id = q.app);
  insert into calibration_refresh (application_id)
    select distinct app from (select old.application_id as app) q where app is not null and not exists (select 1 from calibration_defer);
END;
--> statement-breakpoint
CREATE TRIGGER decisions_decision_update AFTER UPDATE OF application_id, stage ON decisions BEGIN
  insert into calibration_dirty (application_id)
    select distinct app from (select old.application_id as app union select new.application_id) q where app is not null and exists (select 1 from calibration_defer)
      and not exists (select 1 from calibration_dirty d where d.application_id = q.app);
  insert into calibration_refresh (application_id)
    select distinct app from (select old.application_id as app union select new.application_id) q where app is not null and not exists (select 1 from calibration_defer);
END;
--> statement-breakpoint
insert into decision_ready (application_id, role_id, ready_at, scorecards, take_home) select a.id, a.role_id,
      case when work.last is not null and (seat.last is null or work.last > seat.last) then work.last else seat.last end,
      seat.n, work.app is not null
    from applications a
    join (
      select i.application_id as app, count(*) as n, sum(s.status = 'submitted') as done, max(s.submitted_at) as last
      from applications a
      join interviews i on i.application_id = a.id and i.cancelled_at is null
      join interview_panel p on p.interview_id = i.id
      left join scorecards s on s.interview_id = i.id and s.interviewer_id = p.user_id
      where a.stage in ('sourced', 'screening', 'interviewing', 'take_home', 'final', 'offer')
      group by i.application_id
    ) seat on seat.app = a.id
    left join (
      select t.application_id as app, sum(t.status not in ('graded', 'waived')) as pending, max(g.submitted_at) as last
      from applications a
      join take_homes t on t.application_id = a.id
      left join take_home_grades g on g.take_home_id = t.id and g.submitted_at is not null
      where a.stage in ('sourced', 'screening', 'interviewing', 'take_home', 'final', 'offer')
      group by t.application_id
    ) work on work.app = a.id
    where a.stage in ('sourced', 'screening', 'interviewing', 'take_home', 'final', 'offer') and a.stage in ('sourced', 'screening', 'interviewing', 'take_home', 'final', 'offer') and seat.done = seat.n and coalesce(work.pending, 0) = 0
      and (seat.last is not null or work.last is not null)
      and not exists (select 1 from decisions d where d.application_id = a.id and d.stage = a.stage);
--> statement-breakpoint
insert into calibration_pairs (application_id, interviewer_id, role_id, scorecards, first_card, rating_sum, rating_count,
  not_assessed, no_decision, decided, agreed, shared, shared_sum, shared_count, co_panel_sum, co_panel_count) select p.app, p.iv, p.role, p.cards, p.first, p.s, p.n, p.na, p.nd, p.decided, p.agreed,
      p.n > 0 and t.n - p.n > 0,
      case when p.n > 0 and t.n - p.n > 0 then p.s else 0 end,
      case when p.n > 0 and t.n - p.n > 0 then p.n else 0 end,
      case when p.n > 0 and t.n - p.n > 0 then t.s - p.s else 0 end,
      case when p.n > 0 and t.n - p.n > 0 then t.n - p.n else 0 end
    from (
      select app, iv, role, count(*) as cards, min(id) as first, sum(rs) as s, sum(rn) as n, sum(na) as na,
        sum(rec = 'no_decision') as nd, sum(rec <> 'no_decision' and outcome is not null) as decided,
        sum(rec <> 'no_decision' and outcome is not null
          and (rec in ('yes', 'strong_yes')) = (outcome = 'positive')) as agreed
      from (select s.id as id, s.interviewer_id as iv, i.application_id as app, a.role_id as role, s.recommendation as rec,
      case when a.stage in ('hired', 'offer') then 'positive' when a.stage = 'rejected' then 'negative' end as outcome,
      coalesce(sum(r.rating), 0) as rs, count(r.rating) as rn, count(r.scorecard_id) - count(r.rating) as na
    from interviews i
    join applications a on a.id = i.application_id
    join scorecards s on s.interview_id = i.id
    left join scorecard_ratings r on r.scorecard_id = s.id
    where s.status = 'submitted' and 1
    group by s.id) group by app, iv
    ) p
    join (select app, sum(rs) as s, sum(rn) as n from (select s.id as id, s.interviewer_id as iv, i.application_id as app, a.role_id as role, s.recommendation as rec,
      case when a.stage in ('hired', 'offer') then 'positive' when a.stage = 'rejected' then 'negative' end as outcome,
      coalesce(sum(r.rating), 0) as rs, count(r.rating) as rn, count(r.scorecard_id) - count(r.rating) as na
    from interviews i
    join applications a on a.id = i.application_id
    join scorecards s on s.interview_id = i.id
    left join scorecard_ratings r on r.scorecard_id = s.id
    where s.status = 'submitted' and 1
    group by s.id) group by app) t on t.app = p.app;
--> statement-breakpoint
insert into calibration_sums (role_id, interviewer_id, scorecards, first_card, rating_sum, rating_count, not_assessed,
  no_decision, decided, agreed, shared_applications, shared_sum, shared_count, co_panel_sum, co_panel_count)
  select role_id, interviewer_id, sum(scorecards), min(first_card),
    sum(rating_sum), sum(rating_count), sum(not_assessed), sum(no_decision), sum(decided), sum(agreed), sum(shared), sum(shared_sum), sum(shared_count), sum(co_panel_sum), sum(co_panel_count)
  from calibration_pairs group by role_id, interviewer_id;
--> statement-breakpoint
insert into calibration_cards (scorecard_id, application_id, role_id, interviewer_id, hours) select s.id, i.application_id, a.role_id, s.interviewer_id, case when s.submitted_at - i.ends_at is null then 0
    else max(0, (s.submitted_at - i.ends_at) / 3600000.0) end
    from interviews i
    join applications a on a.id = i.application_id
    join scorecards s on s.interview_id = i.id
    where s.status = 'submitted' and 1;
--> statement-breakpoint
insert into agreement_ratings (application_id, area_key, interviewer_id, role_id, rating) select app, area, who, role, v from (
      select i.application_id as app, r.area_key as area, s.interviewer_id as who, a.role_id as role, r.rating as v,
        max(s.submitted_at * 1000000 + s.id % 1000000) as latest
      from interviews i
      join applications a on a.id = i.application_id
      join scorecards s on s.interview_id = i.id
      join scorecard_ratings r on r.scorecard_id = s.id
      where s.status = 'submitted' and r.rating between 1 and 4 and 1
      group by i.application_id, r.area_key, s.interviewer_id
    );
--> statement-breakpoint
insert into agreement_observers (role_id, interviewer_id, own, c1, c2, c3, c4, times) select u.role_id as role_id, o.interviewer_id as interviewer_id, o.rating as own, u.c1 as c1, u.c2 as c2, u.c3 as c3, u.c4 as c4, count(*) as k
    from agreement_ratings o
    join (select application_id, area_key, role_id, sum(rating = 1) as c1, sum(rating = 2) as c2,
      sum(rating = 3) as c3, sum(rating = 4) as c4
    from agreement_ratings o where 1 group by application_id, area_key having count(*) >= 2) u on u.application_id = o.application_id and u.area_key = o.area_key
    where 1
    group by u.role_id, o.interviewer_id, o.rating, u.c1, u.c2, u.c3, u.c4;
--> statement-breakpoint
insert into agreement_interviewers (interviewer_id, own, c1, c2, c3, c4, times) select o.interviewer_id as interviewer_id, o.rating as own, u.c1 as c1, u.c2 as c2, u.c3 as c3, u.c4 as c4, count(*) as k
    from agreement_ratings o
    join (select application_id, area_key, role_id, sum(rating = 1) as c1, sum(rating = 2) as c2,
      sum(rating = 3) as c3, sum(rating = 4) as c4
    from agreement_ratings o where 1 group by application_id, area_key having count(*) >= 2) u on u.application_id = o.application_id and u.area_key = o.area_key
    where 1
    group by o.interviewer_id, o.rating, u.c1, u.c2, u.c3, u.c4;
--> statement-breakpoint
insert into agreement_units (role_id, c1, c2, c3, c4, times) select role_id, c1, c2, c3, c4, count(*) as k from (select application_id, area_key, role_id, sum(rating = 1) as c1, sum(rating = 2) as c2,
      sum(rating = 3) as c3, sum(rating = 4) as c4
    from agreement_ratings o where 1 group by application_id, area_key having count(*) >= 2) u group by role_id, c1, c2, c3, c4;
