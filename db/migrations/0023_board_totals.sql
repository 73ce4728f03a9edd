CREATE TABLE `board_key_totals` (
	`key` text NOT NULL,
	`stage` text NOT NULL,
	`n` integer NOT NULL,
	`flagged` integer NOT NULL,
	PRIMARY KEY(`key`, `stage`)
);
--> statement-breakpoint
CREATE TABLE `board_role_totals` (
	`role_id` integer PRIMARY KEY NOT NULL,
	`open` integer NOT NULL,
	`finalists` integer NOT NULL,
	`missing` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `board_role_totals_rank_idx` ON `board_role_totals` (`missing`,`finalists`);--> statement-breakpoint
-- The HR board's totals per role and per key over every role, backfilled from board_counts, then kept by triggers on it (db/board-totals.ts).
insert into board_role_totals (role_id, open, finalists, missing)
  select c.role_id, sum(case when c.key = 'open' then c.n else 0 end), sum(case when c.key = 'open' and c.stage in ('final', 'offer') then c.n else 0 end), sum(case when c.key like '%:missing' and c.key <> '*:missing' and c.stage in ('final', 'offer') then c.n else 0 end) from board_counts c
  group by c.role_id having sum(case when c.key = 'open' then c.n else 0 end) <> 0 or sum(case when c.key like '%:missing' and c.key <> '*:missing' and c.stage in ('final', 'offer') then c.n else 0 end) <> 0;
--> statement-breakpoint
insert into board_key_totals (key, stage, n, flagged)
  select c.key, c.stage, sum(c.n), sum(c.flagged) from board_counts c group by c.key, c.stage having sum(c.n) <> 0 or sum(c.flagged) <> 0;
--> statement-breakpoint
CREATE TRIGGER board_counts_totals_insert AFTER INSERT ON board_counts BEGIN
  insert into board_role_totals (role_id, open, finalists, missing)
    select new.role_id, +(case when new.key = 'open' then new.n else 0 end), +(case when new.key = 'open' and new.stage in ('final', 'offer') then new.n else 0 end), +(case when new.key like '%:missing' and new.key <> '*:missing' and new.stage in ('final', 'offer') then new.n else 0 end) where case when new.key = 'open' then new.n else 0 end <> 0 or case when new.key like '%:missing' and new.key <> '*:missing' and new.stage in ('final', 'offer') then new.n else 0 end <> 0
    on conflict (role_id) do update set open = board_role_totals.open + excluded.open,
      finalists = board_role_totals.finalists + excluded.finalists, missing = board_role_totals.missing + excluded.missing;
  insert into board_key_totals (key, stage, n, flagged) select new.key, new.stage, +new.n, +new.flagged
    where new.n <> 0 or new.flagged <> 0
    on conflict (key, stage) do update set n = board_key_totals.n + excluded.n,
      flagged = board_key_totals.flagged + excluded.flagged;
  delete from board_role_totals where role_id = new.role_id and open = 0 and finalists = 0 and missing = 0;
  delete from board_key_totals where key = new.key and stage = new.stage and n = 0 and flagged = 0;
END;
--> statement-breakpoint
CREATE TRIGGER board_counts_totals_update AFTER UPDATE ON board_counts BEGIN
  insert into board_role_totals (role_id, open, finalists, missing)
    select old.role_id, -(case when old.key = 'open' then old.n else 0 end), -(case when old.key = 'open' and old.stage in ('final', 'offer') then old.n else 0 end), -(case when old.key like '%:missing' and old.key <> '*:missing' and old.stage in ('final', 'offer') then old.n else 0 end) where case when old.key = 'open' then old.n else 0 end <> 0 or case when old.key like '%:missing' and old.key <> '*:missing' and old.stage in ('final', 'offer') then old.n else 0 end <> 0
    on conflict (role_id) do update set open = board_role_totals.open + excluded.open,
      finalists = board_role_totals.finalists + excluded.finalists, missing = board_role_totals.missing + excluded.missing;
  insert into board_key_totals (key, stage, n, flagged) select old.key, old.stage, -old.n, -old.flagged
    where old.n <> 0 or old.flagged <> 0
    on conflict (key, stage) do update set n = board_key_totals.n + excluded.n,
      flagged = board_key_totals.flagged + excluded.flagged;
  insert into board_role_totals (role_id, open, finalists, missing)
    select new.role_id, +(case when new.key = 'open' then new.n else 0 end), +(case when new.key = 'open' and new.stage in ('final', 'offer') then new.n else 0 end), +(case when new.key like '%:missing' and new.key <> '*:missing' and new.stage in ('final', 'offer') then new.n else 0 end) where case when new.key = 'open' then new.n else 0 end <> 0 or case when new.key like '%:missing' and new.key <> '*:missing' and new.stage in ('final', 'offer') then new.n else 0 end <> 0
    on conflict (role_id) do update set open = board_role_totals.open + excluded.open,
      finalists = board_role_totals.finalists + excluded.finalists, missing = board_role_totals.missing + excluded.missing;
  insert into board_key_totals (key, stage, n, flagged) select new.key, new.stage, +new.n, +new.flagged
    where new.n <> 0 or new.flagged <> 0
    on conflict (key, stage) do update set n = board_key_totals.n + excluded.n,
      flagged = board_key_totals.flagged + excluded.flagged;
  delete from board_role_totals where role_id = old.role_id and open = 0 and finalists = 0 and missing = 0;
  delete from board_key_totals where key = old.key and stage = old.stage and n = 0 and flagged = 0;
  delete from board_role_totals where role_id = new.role_id and open = 0 and finalists = 0 and missing = 0;
  delete from board_key_totals where key = new.key and stage = new.stage and n = 0 and flagged = 0;
END;
--> statement-breakpoint
CREATE TRIGGER board_counts_totals_delete AFTER DELETE ON board_counts BEGIN
  insert into board_role_totals (role_id, open, finalists, missing)
    select old.role_id, -(case when old.key = 'open' then old.n else 0 end), -(case when old.key = 'open' and old.stage in ('final', 'offer') then old.n else 0 end), -(case when old.key like '%:missing' and old.key <> '*:missing' and old.stage in ('final', 'offer') then old.n else 0 end) where case when old.key = 'open' then old.n else 0 end <> 0 or case when old.key like '%:missing' and old.key <> '*:missing' and old.stage in ('final', 'offer') then old.n else 0 end <> 0
    on conflict (role_id) do update set open = board_role_totals.open + excluded.open,
      finalists = board_role_totals.finalists + excluded.finalists, missing = board_role_totals.missing + excluded.missing;
  insert into board_key_totals (key, stage, n, flagged) select old.key, old.stage, -old.n, -old.flagged
    where old.n <> 0 or old.flagged <> 0
    on conflict (key, stage) do update set n = board_key_totals.n + excluded.n,
      flagged = board_key_totals.flagged + excluded.flagged;
  delete from board_role_totals where role_id = old.role_id and open = 0 and finalists = 0 and missing = 0;
  delete from board_key_totals where key = old.key and stage = old.stage and n = 0 and flagged = 0;
END;
