CREATE TABLE `board_counts` (
	`key` text NOT NULL,
	`role_id` integer NOT NULL,
	`stage` text NOT NULL,
	`n` integer NOT NULL,
	`flagged` integer NOT NULL,
	PRIMARY KEY(`key`, `role_id`, `stage`)
);
--> statement-breakpoint
CREATE TABLE `board_refresh` (
	`application_id` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `board_states` (
	`application_id` integer PRIMARY KEY NOT NULL,
	`role_id` integer NOT NULL,
	`stage` text NOT NULL,
	`keys` text NOT NULL,
	`valid_from` text NOT NULL,
	`valid_until` text
);
--> statement-breakpoint
CREATE INDEX `board_states_valid_until_idx` ON `board_states` (`valid_until`);--> statement-breakpoint
CREATE INDEX `board_states_valid_from_idx` ON `board_states` (`valid_from`);;--> statement-breakpoint
CREATE TRIGGER board_refresh_application AFTER INSERT ON board_refresh BEGIN
  update board_counts set n = board_counts.n - 1, flagged = board_counts.flagged - k.flagged from (select b.role_id as role_id, b.stage as stage, rtrim(j.value, '!') as key, j.value like '%!' as flagged
    from board_states b, json_each(b.keys) j where b.application_id = new.application_id) k
    where board_counts.key = k.key and board_counts.role_id = k.role_id and board_counts.stage = k.stage;
  delete from board_counts where n <= 0 and (key, role_id, stage) in (select key, role_id, stage from (select b.role_id as role_id, b.stage as stage, rtrim(j.value, '!') as key, j.value like '%!' as flagged
    from board_states b, json_each(b.keys) j where b.application_id = new.application_id));
  delete from board_states where application_id = new.application_id;
  insert into board_states (application_id, role_id, stage, keys, valid_from, valid_until) select app, role, stage, json_group_array(distinct k) as keys, date('now') as valid_from, min(next) as valid_until from (
      select a.id as app, a.role_id as role, a.stage as stage, 'open' as k, null as next from applications a
        where a.id = new.application_id and a.stage in ('sourced', 'screening', 'interviewing', 'take_home', 'final', 'offer')
      union all select app, role, stage, type || ':' || status || case when attention then '!' else '' end, next from (
    select a.id as app, a.role_id as role, a.stage as stage, j.key as pos, j.value as type,
      coalesce(ca.requested_at, cp.requested_at, cg.requested_at) as requestedAt, coalesce(ca.expires_at, cp.expires_at, cg.expires_at) as expiresAt, case when coalesce(ca.id, cp.id, cg.id) is null then 'not_requested'
    when (coalesce(ca.expires_at, cp.expires_at, cg.expires_at) <> '' and coalesce(ca.expires_at, cp.expires_at, cg.expires_at) < date('now')) and coalesce(ca.status, cp.status, cg.status) in ('verified', 'received') then 'expired' else coalesce(ca.status, cp.status, cg.status) end as status,
      coalesce(coalesce(ca.status, cp.status, cg.status) in ('verified', 'waived') and not coalesce((coalesce(ca.expires_at, cp.expires_at, cg.expires_at) <> '' and coalesce(ca.expires_at, cp.expires_at, cg.expires_at) < date('now')), 0), 0) as satisfied,
      coalesce(coalesce(ca.status, cp.status, cg.status) = 'requested' and coalesce(ca.requested_at, cp.requested_at, cg.requested_at) is not null
    and round(julianday(date('now')) - julianday(coalesce(ca.requested_at, cp.requested_at, cg.requested_at))) > 7, 0) as stale, coalesce(coalesce(ca.expires_at, cp.expires_at, cg.expires_at) is not null and coalesce(ca.expires_at, cp.expires_at, cg.expires_at) >= date('now')
    and round(julianday(coalesce(ca.expires_at, cp.expires_at, cg.expires_at)) - julianday(date('now'))) <= 30
    and coalesce(ca.status, cp.status, cg.status) in ('verified', 'received'), 0) as expiringSoon,
      (coalesce(coalesce(ca.status, cp.status, cg.status) = 'requested' and coalesce(ca.requested_at, cp.requested_at, cg.requested_at) is not null
    and round(julianday(date('now')) - julianday(coalesce(ca.requested_at, cp.requested_at, cg.requested_at))) > 7, 0) or coalesce(coalesce(ca.expires_at, cp.expires_at, cg.expires_at) is not null and coalesce(ca.expires_at, cp.expires_at, cg.expires_at) >= date('now')
    and round(julianday(coalesce(ca.expires_at, cp.expires_at, cg.expires_at)) - julianday(date('now'))) <= 30
    and coalesce(ca.status, cp.status, cg.status) in ('verified', 'received'), 0) or case when coalesce(ca.id, cp.id, cg.id) is null then 'not_requested'
    when (coalesce(ca.expires_at, cp.expires_at, cg.expires_at) <> '' and coalesce(ca.expires_at, cp.expires_at, cg.expires_at) < date('now')) and coalesce(ca.status, cp.status, cg.status) in ('verified', 'received') then 'expired' else coalesce(ca.status, cp.status, cg.status) end in ('failed', 'expired')) as attention, nullif(min(coalesce(case when date(coalesce(ca.requested_at, cp.requested_at, cg.requested_at), '+7 days') > date('now') then date(coalesce(ca.requested_at, cp.requested_at, cg.requested_at), '+7 days') end, '9999-12-31'), coalesce(case when date(coalesce(ca.requested_at, cp.requested_at, cg.requested_at), '+8 days') > date('now') then date(coalesce(ca.requested_at, cp.requested_at, cg.requested_at), '+8 days') end, '9999-12-31'), coalesce(case when date(coalesce(ca.expires_at, cp.expires_at, cg.expires_at), '-31 days') > date('now') then date(coalesce(ca.expires_at, cp.expires_at, cg.expires_at), '-31 days') end, '9999-12-31'), coalesce(case when date(coalesce(ca.expires_at, cp.expires_at, cg.expires_at), '-30 days') > date('now') then date(coalesce(ca.expires_at, cp.expires_at, cg.expires_at), '-30 days') end, '9999-12-31'), coalesce(case when date(coalesce(ca.expires_at, cp.expires_at, cg.expires_at), '0 days') > date('now') then date(coalesce(ca.expires_at, cp.expires_at, cg.expires_at), '0 days') end, '9999-12-31'), coalesce(case when date(coalesce(ca.expires_at, cp.expires_at, cg.expires_at), '1 days') > date('now') then date(coalesce(ca.expires_at, cp.expires_at, cg.expires_at), '1 days') end, '9999-12-31')), '9999-12-31') as next
    from applications a
    join roles r on r.id = a.role_id
    join json_each(r.required_checks) j
    left join compliance_checks ca on j.value in ('ip_assignment', 'worker_classification', 'data_access_clearance') and ca.application_id = a.id and ca.type = j.value
    left join compliance_checks cp on not j.value in ('ip_assignment', 'worker_classification', 'data_access_clearance') and a.candidate_id is not null
      and cp.candidate_id = a.candidate_id and cp.type = j.value
    left join compliance_checks cg on not j.value in ('ip_assignment', 'worker_classification', 'data_access_clearance') and a.candidate_id is null
      and cg.agency_id = a.agency_id and cg.type = j.value
    where a.id = new.application_id and a.stage in ('sourced', 'screening', 'interviewing', 'take_home', 'final', 'offer'))
      union all select app, role, stage, type || ':all' || case when attention then '!' else '' end, null from (
    select a.id as app, a.role_id as role, a.stage as stage, j.key as pos, j.value as type,
      coalesce(ca.requested_at, cp.requested_at, cg.requested_at) as requestedAt, coalesce(ca.expires_at, cp.expires_at, cg.expires_at) as expiresAt, case when coalesce(ca.id, cp.id, cg.id) is null then 'not_requested'
    when (coalesce(ca.expires_at, cp.expires_at, cg.expires_at) <> '' and coalesce(ca.expires_at, cp.expires_at, cg.expires_at) < date('now')) and coalesce(ca.status, cp.status, cg.status) in ('verified', 'received') then 'expired' else coalesce(ca.status, cp.status, cg.status) end as status,
      coalesce(coalesce(ca.status, cp.status, cg.status) in ('verified', 'waived') and not coalesce((coalesce(ca.expires_at, cp.expires_at, cg.expires_at) <> '' and coalesce(ca.expires_at, cp.expires_at, cg.expires_at) < date('now')), 0), 0) as satisfied,
      coalesce(coalesce(ca.status, cp.status, cg.status) = 'requested' and coalesce(ca.requested_at, cp.requested_at, cg.requested_at) is not null
    and round(julianday(date('now')) - julianday(coalesce(ca.requested_at, cp.requested_at, cg.requested_at))) > 7, 0) as stale, coalesce(coalesce(ca.expires_at, cp.expires_at, cg.expires_at) is not null and coalesce(ca.expires_at, cp.expires_at, cg.expires_at) >= date('now')
    and round(julianday(coalesce(ca.expires_at, cp.expires_at, cg.expires_at)) - julianday(date('now'))) <= 30
    and coalesce(ca.status, cp.status, cg.status) in ('verified', 'received'), 0) as expiringSoon,
      (coalesce(coalesce(ca.status, cp.status, cg.status) = 'requested' and coalesce(ca.requested_at, cp.requested_at, cg.requested_at) is not null
    and round(julianday(date('now')) - julianday(coalesce(ca.requested_at, cp.requested_at, cg.requested_at))) > 7, 0) or coalesce(coalesce(ca.expires_at, cp.expires_at, cg.expires_at) is not null and coalesce(ca.expires_at, cp.expires_at, cg.expires_at) >= date('now')
    and round(julianday(coalesce(ca.expires_at, cp.expires_at, cg.expires_at)) - julianday(date('now'))) <= 30
    and coalesce(ca.status, cp.status, cg.status) in ('verified', 'received'), 0) or case when coalesce(ca.id, cp.id, cg.id) is null then 'not_requested'
    when (coalesce(ca.expires_at, cp.expires_at, cg.expires_at) <> '' and coalesce(ca.expires_at, cp.expires_at, cg.expires_at) < date('now')) and coalesce(ca.status, cp.status, cg.status) in ('verified', 'received') then 'expired' else coalesce(ca.status, cp.status, cg.status) end in ('failed', 'expired')) as attention, nullif(min(coalesce(case when date(coalesce(ca.requested_at, cp.requested_at, cg.requested_at), '+7 days') > date('now') then date(coalesce(ca.requested_at, cp.requested_at, cg.requested_at), '+7 days') end, '9999-12-31'), coalesce(case when date(coalesce(ca.requested_at, cp.requested_at, cg.requested_at), '+8 days') > date('now') then date(coalesce(ca.requested_at, cp.requested_at, cg.requested_at), '+8 days') end, '9999-12-31'), coalesce(case when date(coalesce(ca.expires_at, cp.expires_at, cg.expires_at), '-31 days') > date('now') then date(coalesce(ca.expires_at, cp.expires_at, cg.expires_at), '-31 days') end, '9999-12-31'), coalesce(case when date(coalesce(ca.expires_at, cp.expires_at, cg.expires_at), '-30 days') > date('now') then date(coalesce(ca.expires_at, cp.expires_at, cg.expires_at), '-30 days') end, '9999-12-31'), coalesce(case when date(coalesce(ca.expires_at, cp.expires_at, cg.expires_at), '0 days') > date('now') then date(coalesce(ca.expires_at, cp.expires_at, cg.expires_at), '0 days') end, '9999-12-31'), coalesce(case when date(coalesce(ca.expires_at, cp.expires_at, cg.expires_at), '1 days') > date('now') then date(coalesce(ca.expires_at, cp.expires_at, cg.expires_at), '1 days') end, '9999-12-31')), '9999-12-31') as next
    from applications a
    join roles r on r.id = a.role_id
    join json_each(r.required_checks) j
    left join compliance_checks ca on j.value in ('ip_assignment', 'worker_classification', 'data_access_clearance') and ca.application_id = a.id and ca.type = j.value
    left join compliance_checks cp on not j.value in ('ip_assignment', 'worker_classification', 'data_access_clearance') and a.candidate_id is not null
      and cp.candidate_id = a.candidate_id and cp.type = j.value
    left join compliance_checks cg on not j.value in ('ip_assignment', 'worker_classification', 'data_access_clearance') and a.candidate_id is null
      and cg.agency_id = a.agency_id and cg.type = j.value
    where a.id = new.application_id and a.stage in ('sourced', 'screening', 'interviewing', 'take_home', 'final', 'offer'))
      union all select app, role, stage, type || ':missing' || case when attention then '!' else '' end, null from (
    select a.id as app, a.role_id as role, a.stage as stage, j.key as pos, j.value as type,
      coalesce(ca.requested_at, cp.requested_at, cg.requested_at) as requestedAt, coalesce(ca.expires_at, cp.expires_at, cg.expires_at) as expiresAt, case when coalesce(ca.id, cp.id, cg.id) is null then 'not_requested'
    when (coalesce(ca.expires_at, cp.expires_at, cg.expires_at) <> '' and coalesce(ca.expires_at, cp.expires_at, cg.expires_at) < date('now')) and coalesce(ca.status, cp.status, cg.status) in ('verified', 'received') then 'expired' else coalesce(ca.status, cp.status, cg.status) end as status,
      coalesce(coalesce(ca.status, cp.status, cg.status) in ('verified', 'waived') and not coalesce((coalesce(ca.expires_at, cp.expires_at, cg.expires_at) <> '' and coalesce(ca.expires_at, cp.expires_at, cg.expires_at) < date('now')), 0), 0) as satisfied,
      coalesce(coalesce(ca.status, cp.status, cg.status) = 'requested' and coalesce(ca.requested_at, cp.requested_at, cg.requested_at) is not null
    and round(julianday(date('now')) - julianday(coalesce(ca.requested_at, cp.requested_at, cg.requested_at))) > 7, 0) as stale, coalesce(coalesce(ca.expires_at, cp.expires_at, cg.expires_at) is not null and coalesce(ca.expires_at, cp.expires_at, cg.expires_at) >= date('now')
    and round(julianday(coalesce(ca.expires_at, cp.expires_at, cg.expires_at)) - julianday(date('now'))) <= 30
    and coalesce(ca.status, cp.status, cg.status) in ('verified', 'received'), 0) as expiringSoon,
      (coalesce(coalesce(ca.status, cp.status, cg.status) = 'requested' and coalesce(ca.requested_at, cp.requested_at, cg.requested_at) is not null
    and round(julianday(date('now')) - julianday(coalesce(ca.requested_at, cp.requested_at, cg.requested_at))) > 7, 0) or coalesce(coalesce(ca.expires_at, cp.expires_at, cg.expires_at) is not null and coalesce(ca.expires_at, cp.expires_at, cg.expires_at) >= date('now')
    and round(julianday(coalesce(ca.expires_at, cp.expires_at, cg.expires_at)) - julianday(date('now'))) <= 30
    and coalesce(ca.status, cp.status, cg.status) in ('verified', 'received'), 0) or case when coalesce(ca.id, cp.id, cg.id) is null then 'not_requested'
    when (coalesce(ca.expires_at, cp.expires_at, cg.expires_at) <> '' and coalesce(ca.expires_at, cp.expires_at, cg.expires_at) < date('now')) and coalesce(ca.status, cp.status, cg.status) in ('verified', 'received') then 'expired' else coalesce(ca.status, cp.status, cg.status) end in ('failed', 'expired')) as attention, nullif(min(coalesce(case when date(coalesce(ca.requested_at, cp.requested_at, cg.requested_at), '+7 days') > date('now') then date(coalesce(ca.requested_at, cp.requested_at, cg.requested_at), '+7 days') end, '9999-12-31'), coalesce(case when date(coalesce(ca.requested_at, cp.requested_at, cg.requested_at), '+8 days') > date('now') then date(coalesce(ca.requested_at, cp.requested_at, cg.requested_at), '+8 days') end, '9999-12-31'), coalesce(case when date(coalesce(ca.expires_at, cp.expires_at, cg.expires_at), '-31 days') > date('now') then date(coalesce(ca.expires_at, cp.expires_at, cg.expires_at), '-31 days') end, '9999-12-31'), coalesce(case when date(coalesce(ca.expires_at, cp.expires_at, cg.expires_at), '-30 days') > date('now') then date(coalesce(ca.expires_at, cp.expires_at, cg.expires_at), '-30 days') end, '9999-12-31'), coalesce(case when date(coalesce(ca.expires_at, cp.expires_at, cg.expires_at), '0 days') > date('now') then date(coalesce(ca.expires_at, cp.expires_at, cg.expires_at), '0 days') end, '9999-12-31'), coalesce(case when date(coalesce(ca.expires_at, cp.expires_at, cg.expires_at), '1 days') > date('now') then date(coalesce(ca.expires_at, cp.expires_at, cg.expires_at), '1 days') end, '9999-12-31')), '9999-12-31') as next
    from applications a
    join roles r on r.id = a.role_id
    join json_each(r.required_checks) j
    left join compliance_checks ca on j.value in ('ip_assignment', 'worker_classification', 'data_access_clearance') and ca.application_id = a.id and ca.type = j.value
    left join compliance_checks cp on not j.value in ('ip_assignment', 'worker_classification', 'data_access_clearance') and a.candidate_id is not null
      and cp.candidate_id = a.candidate_id and cp.type = j.value
    left join compliance_checks cg on not j.value in ('ip_assignment', 'worker_classification', 'data_access_clearance') and a.candidate_id is null
      and cg.agency_id = a.agency_id and cg.type = j.value
    where a.id = new.application_id and a.stage in ('sourced', 'screening', 'interviewing', 'take_home', 'final', 'offer')) where not satisfied
      union all select app, role, stage, '*:' || status || case when max(attention) then '!' else '' end, null from (
    select a.id as app, a.role_id as role, a.stage as stage, j.key as pos, j.value as type,
      coalesce(ca.requested_at, cp.requested_at, cg.requested_at) as requestedAt, coalesce(ca.expires_at, cp.expires_at, cg.expires_at) as expiresAt, case when coalesce(ca.id, cp.id, cg.id) is null then 'not_requested'
    when (coalesce(ca.expires_at, cp.expires_at, cg.expires_at) <> '' and coalesce(ca.expires_at, cp.expires_at, cg.expires_at) < date('now')) and coalesce(ca.status, cp.status, cg.status) in ('verified', 'received') then 'expired' else coalesce(ca.status, cp.status, cg.status) end as status,
      coalesce(coalesce(ca.status, cp.status, cg.status) in ('verified', 'waived') and not coalesce((coalesce(ca.expires_at, cp.expires_at, cg.expires_at) <> '' and coalesce(ca.expires_at, cp.expires_at, cg.expires_at) < date('now')), 0), 0) as satisfied,
      coalesce(coalesce(ca.status, cp.status, cg.status) = 'requested' and coalesce(ca.requested_at, cp.requested_at, cg.requested_at) is not null
    and round(julianday(date('now')) - julianday(coalesce(ca.requested_at, cp.requested_at, cg.requested_at))) > 7, 0) as stale, coalesce(coalesce(ca.expires_at, cp.expires_at, cg.expires_at) is not null and coalesce(ca.expires_at, cp.expires_at, cg.expires_at) >= date('now')
    and round(julianday(coalesce(ca.expires_at, cp.expires_at, cg.expires_at)) - julianday(date('now'))) <= 30
    and coalesce(ca.status, cp.status, cg.status) in ('verified', 'received'), 0) as expiringSoon,
      (coalesce(coalesce(ca.status, cp.status, cg.status) = 'requested' and coalesce(ca.requested_at, cp.requested_at, cg.requested_at) is not null
    and round(julianday(date('now')) - julianday(coalesce(ca.requested_at, cp.requested_at, cg.requested_at))) > 7, 0) or coalesce(coalesce(ca.expires_at, cp.expires_at, cg.expires_at) is not null and coalesce(ca.expires_at, cp.expires_at, cg.expires_at) >= date('now')
    and round(julianday(coalesce(ca.expires_at, cp.expires_at, cg.expires_at)) - julianday(date('now'))) <= 30
    and coalesce(ca.status, cp.status, cg.status) in ('verified', 'received'), 0) or case when coalesce(ca.id, cp.id, cg.id) is null then 'not_requested'
    when (coalesce(ca.expires_at, cp.expires_at, cg.expires_at) <> '' and coalesce(ca.expires_at, cp.expires_at, cg.expires_at) < date('now')) and coalesce(ca.status, cp.status, cg.status) in ('verified', 'received') then 'expired' else coalesce(ca.status, cp.status, cg.status) end in ('failed', 'expired')) as attention, nullif(min(coalesce(case when date(coalesce(ca.requested_at, cp.requested_at, cg.requested_at), '+7 days') > date('now') then date(coalesce(ca.requested_at, cp.requested_at, cg.requested_at), '+7 days') end, '9999-12-31'), coalesce(case when date(coalesce(ca.requested_at, cp.requested_at, cg.requested_at), '+8 days') > date('now') then date(coalesce(ca.requested_at, cp.requested_at, cg.requested_at), '+8 days') end, '9999-12-31'), coalesce(case when date(coalesce(ca.expires_at, cp.expires_at, cg.expires_at), '-31 days') > date('now') then date(coalesce(ca.expires_at, cp.expires_at, cg.expires_at), '-31 days') end, '9999-12-31'), coalesce(case when date(coalesce(ca.expires_at, cp.expires_at, cg.expires_at), '-30 days') > date('now') then date(coalesce(ca.expires_at, cp.expires_at, cg.expires_at), '-30 days') end, '9999-12-31'), coalesce(case when date(coalesce(ca.expires_at, cp.expires_at, cg.expires_at), '0 days') > date('now') then date(coalesce(ca.expires_at, cp.expires_at, cg.expires_at), '0 days') end, '9999-12-31'), coalesce(case when date(coalesce(ca.expires_at, cp.expires_at, cg.expires_at), '1 days') > date('now') then date(coalesce(ca.expires_at, cp.expires_at, cg.expires_at), '1 days') end, '9999-12-31')), '9999-12-31') as next
    from applications a
    join roles r on r.id = a.role_id
    join json_each(r.required_checks) j
    left join compliance_checks ca on j.value in ('ip_assignment', 'worker_classification', 'data_access_clearance') and ca.application_id = a.id and ca.type = j.value
    left join compliance_checks cp on not j.value in ('ip_assignment', 'worker_classification', 'data_access_clearance') and a.candidate_id is not null
      and cp.candidate_id = a.candidate_id and cp.type = j.value
    left join compliance_checks cg on not j.value in ('ip_assignment', 'worker_classification', 'data_access_clearance') and a.candidate_id is null
      and cg.agency_id = a.agency_id and cg.type = j.value
    where a.id = new.application_id and a.stage in ('sourced', 'screening', 'interviewing', 'take_home', 'final', 'offer')) group by app, status
      union all select app, role, stage, '*:missing' || case when max(attention) then '!' else '' end, null from (
    select a.id as app, a.role_id as role, a.stage as stage, j.key as pos, j.value as type,
      coalesce(ca.requested_at, cp.requested_at, cg.requested_at) as requestedAt, coalesce(ca.expires_at, cp.expires_at, cg.expires_at) as expiresAt, case when coalesce(ca.id, cp.id, cg.id) is null then 'not_requested'
    when (coalesce(ca.expires_at, cp.expires_at, cg.expires_at) <> '' and coalesce(ca.expires_at, cp.expires_at, cg.expires_at) < date('now')) and coalesce(ca.status, cp.status, cg.status) in ('verified', 'received') then 'expired' else coalesce(ca.status, cp.status, cg.status) end as status,
      coalesce(coalesce(ca.status, cp.status, cg.status) in ('verified', 'waived') and not coalesce((coalesce(ca.expires_at, cp.expires_at, cg.expires_at) <> '' and coalesce(ca.expires_at, cp.expires_at, cg.expires_at) < date('now')), 0), 0) as satisfied,
      coalesce(coalesce(ca.status, cp.status, cg.status) = 'requested' and coalesce(ca.requested_at, cp.requested_at, cg.requested_at) is not null
    and round(julianday(date('now')) - julianday(coalesce(ca.requested_at, cp.requested_at, cg.requested_at))) > 7, 0) as stale, coalesce(coalesce(ca.expires_at, cp.expires_at, cg.expires_at) is not null and coalesce(ca.expires_at, cp.expires_at, cg.expires_at) >= date('now')
    and round(julianday(coalesce(ca.expires_at, cp.expires_at, cg.expires_at)) - julianday(date('now'))) <= 30
    and coalesce(ca.status, cp.status, cg.status) in ('verified', 'received'), 0) as expiringSoon,
      (coalesce(coalesce(ca.status, cp.status, cg.status) = 'requested' and coalesce(ca.requested_at, cp.requested_at, cg.requested_at) is not null
    and round(julianday(date('now')) - julianday(coalesce(ca.requested_at, cp.requested_at, cg.requested_at))) > 7, 0) or coalesce(coalesce(ca.expires_at, cp.expires_at, cg.expires_at) is not null and coalesce(ca.expires_at, cp.expires_at, cg.expires_at) >= date('now')
    and round(julianday(coalesce(ca.expires_at, cp.expires_at, cg.expires_at)) - julianday(date('now'))) <= 30
    and coalesce(ca.status, cp.status, cg.status) in ('verified', 'received'), 0) or case when coalesce(ca.id, cp.id, cg.id) is null then 'not_requested'
    when (coalesce(ca.expires_at, cp.expires_at, cg.expires_at) <> '' and coalesce(ca.expires_at, cp.expires_at, cg.expires_at) < date('now')) and coalesce(ca.status, cp.status, cg.status) in ('verified', 'received') then 'expired' else coalesce(ca.status, cp.status, cg.status) end in ('failed', 'expired')) as attention, nullif(min(coalesce(case when date(coalesce(ca.requested_at, cp.requested_at, cg.requested_at), '+7 days') > date('now') then date(coalesce(ca.requested_at, cp.requested_at, cg.requested_at), '+7 days') end, '9999-12-31'), coalesce(case when date(coalesce(ca.requested_at, cp.requested_at, cg.requested_at), '+8 days') > date('now') then date(coalesce(ca.requested_at, cp.requested_at, cg.requested_at), '+8 days') end, '9999-12-31'), coalesce(case when date(coalesce(ca.expires_at, cp.expires_at, cg.expires_at), '-31 days') > date('now') then date(coalesce(ca.expires_at, cp.expires_at, cg.expires_at), '-31 days') end, '9999-12-31'), coalesce(case when date(coalesce(ca.expires_at, cp.expires_at, cg.expires_at), '-30 days') > date('now') then date(coalesce(ca.expires_at, cp.expires_at, cg.expires_at), '-30 days') end, '9999-12-31'), coalesce(case when date(coalesce(ca.expires_at, cp.expires_at, cg.expires_at), '0 days') > date('now') then date(coalesce(ca.expires_at, cp.expires_at, cg.expires_at), '0 days') end, '9999-12-31'), coalesce(case when date(coalesce(ca.expires_at, cp.expires_at, cg.expires_at), '1 days') > date('now') then date(coalesce(ca.expires_at, cp.expires_at, cg.expires_at), '1 days') end, '9999-12-31')), '9999-12-31') as next
    from applications a
    join roles r on r.id = a.role_id
    join json_each(r.required_checks) j
    left join compliance_checks ca on j.value in ('ip_assignment', 'worker_classification', 'data_access_clearance') and ca.application_id = a.id and ca.type = j.value
    left join compliance_checks cp on not j.value in ('ip_assignment', 'worker_classification', 'data_access_clearance') and a.candidate_id is not null
      and cp.candidate_id = a.candidate_id and cp.type = j.value
    left join compliance_checks cg on not j.value in ('ip_assignment', 'worker_classification', 'data_access_clearance') and a.candidate_id is null
      and cg.agency_id = a.agency_id and cg.type = j.value
    where a.id = new.application_id and a.stage in ('sourced', 'screening', 'interviewing', 'take_home', 'final', 'offer')) where not satisfied
        group by app
      union all select app, role, stage, '*:all' || case when max(attention) then '!' else '' end, null from (
    select a.id as app, a.role_id as role, a.stage as stage, j.key as pos, j.value as type,
      coalesce(ca.requested_at, cp.requested_at, cg.requested_at) as requestedAt, coalesce(ca.expires_at, cp.expires_at, cg.expires_at) as expiresAt, case when coalesce(ca.id, cp.id, cg.id) is null then 'not_requested'
    when (coalesce(ca.expires_at, cp.expires_at, cg.expires_at) <> '' and coalesce(ca.expires_at, cp.expires_at, cg.expires_at) < date('now')) and coalesce(ca.status, cp.status, cg.status) in ('verified', 'received') then 'expired' else coalesce(ca.status, cp.status, cg.status) end as status,
      coalesce(coalesce(ca.status, cp.status, cg.status) in ('verified', 'waived') and not coalesce((coalesce(ca.expires_at, cp.expires_at, cg.expires_at) <> '' and coalesce(ca.expires_at, cp.expires_at, cg.expires_at) < date('now')), 0), 0) as satisfied,
      coalesce(coalesce(ca.status, cp.status, cg.status) = 'requested' and coalesce(ca.requested_at, cp.requested_at, cg.requested_at) is not null
    and round(julianday(date('now')) - julianday(coalesce(ca.requested_at, cp.requested_at, cg.requested_at))) > 7, 0) as stale, coalesce(coalesce(ca.expires_at, cp.expires_at, cg.expires_at) is not null and coalesce(ca.expires_at, cp.expires_at, cg.expires_at) >= date('now')
    and round(julianday(coalesce(ca.expires_at, cp.expires_at, cg.expires_at)) - julianday(date('now'))) <= 30
    and coalesce(ca.status, cp.status, cg.status) in ('verified', 'received'), 0) as expiringSoon,
      (coalesce(coalesce(ca.status, cp.status, cg.status) = 'requested' and coalesce(ca.requested_at, cp.requested_at, cg.requested_at) is not null
    and round(julianday(date('now')) - julianday(coalesce(ca.requested_at, cp.requested_at, cg.requested_at))) > 7, 0) or coalesce(coalesce(ca.expires_at, cp.expires_at, cg.expires_at) is not null and coalesce(ca.expires_at, cp.expires_at, cg.expires_at) >= date('now')
    and round(julianday(coalesce(ca.expires_at, cp.expires_at, cg.expires_at)) - julianday(date('now'))) <= 30
    and coalesce(ca.status, cp.status, cg.status) in ('verified', 'received'), 0) or case when coalesce(ca.id, cp.id, cg.id) is null then 'not_requested'
    when (coalesce(ca.expires_at, cp.expires_at, cg.expires_at) <> '' and coalesce(ca.expires_at, cp.expires_at, cg.expires_at) < date('now')) and coalesce(ca.status, cp.status, cg.status) in ('verified', 'received') then 'expired' else coalesce(ca.status, cp.status, cg.status) end in ('failed', 'expired')) as attention, nullif(min(coalesce(case when date(coalesce(ca.requested_at, cp.requested_at, cg.requested_at), '+7 days') > date('now') then date(coalesce(ca.requested_at, cp.requested_at, cg.requested_at), '+7 days') end, '9999-12-31'), coalesce(case when date(coalesce(ca.requested_at, cp.requested_at, cg.requested_at), '+8 days') > date('now') then date(coalesce(ca.requested_at, cp.requested_at, cg.requested_at), '+8 days') end, '9999-12-31'), coalesce(case when date(coalesce(ca.expires_at, cp.expires_at, cg.expires_at), '-31 days') > date('now') then date(coalesce(ca.expires_at, cp.expires_at, cg.expires_at), '-31 days') end, '9999-12-31'), coalesce(case when date(coalesce(ca.expires_at, cp.expires_at, cg.expires_at), '-30 days') > date('now') then date(coalesce(ca.expires_at, cp.expires_at, cg.expires_at), '-30 days') end, '9999-12-31'), coalesce(case when date(coalesce(ca.expires_at, cp.expires_at, cg.expires_at), '0 days') > date('now') then date(coalesce(ca.expires_at, cp.expires_at, cg.expires_at), '0 days') end, '9999-12-31'), coalesce(case when date(coalesce(ca.expires_at, cp.expires_at, cg.expires_at), '1 days') > date('now') then date(coalesce(ca.expires_at, cp.expires_at, cg.expires_at), '1 days') end, '9999-12-31')), '9999-12-31') as next
    from applications a
    join roles r on r.id = a.role_id
    join json_each(r.required_checks) j
    left join compliance_checks ca on j.value in ('ip_assignment', 'worker_classification', 'data_access_clearance') and ca.application_id = a.id and ca.type = j.value
    left join compliance_checks cp on not j.value in ('ip_assignment', 'worker_classification', 'data_access_clearance') and a.candidate_id is not null
      and cp.candidate_id = a.candidate_id and cp.type = j.value
    left join compliance_checks cg on not j.value in ('ip_assignment', 'worker_classification', 'data_access_clearance') and a.candidate_id is null
      and cg.agency_id = a.agency_id and cg.type = j.value
    where a.id = new.application_id and a.stage in ('sourced', 'screening', 'interviewing', 'take_home', 'final', 'offer')) group by app
    ) group by app;
  insert into board_counts (key, role_id, stage, n, flagged) select key, role_id, stage, 1, flagged
    from (select b.role_id as role_id, b.stage as stage, rtrim(j.value, '!') as key, j.value like '%!' as flagged
    from board_states b, json_each(b.keys) j where b.application_id = new.application_id) where true
    on conflict (key, role_id, stage) do update set n = board_counts.n + 1, flagged = board_counts.flagged + excluded.flagged;
  delete from board_refresh where rowid = new.rowid;
END;
--> statement-breakpoint
CREATE TRIGGER applications_board_insert AFTER INSERT ON applications BEGIN
  insert into board_refresh (application_id) select distinct app from (select new.id as app) q where app is not null;
END;
--> statement-breakpoint
CREATE TRIGGER applications_board_update AFTER UPDATE OF id, role_id, stage, candidate_id, agency_id ON applications
BEGIN
  insert into board_refresh (application_id) select distinct app from (select old.id as app union select new.id) q where app is not null;
END;
--> statement-breakpoint
CREATE TRIGGER applications_board_delete AFTER DELETE ON applications BEGIN
  insert into board_refresh (application_id) select distinct app from (select old.id as app) q where app is not null;
END;
--> statement-breakpoint
CREATE TRIGGER compliance_checks_board_insert AFTER INSERT ON compliance_checks BEGIN
  insert into board_refresh (application_id) select distinct app from (select new.application_id as app
    union select id from applications where candidate_id = new.candidate_id and stage in ('sourced', 'screening', 'interviewing', 'take_home', 'final', 'offer')
    union select id from applications where new.candidate_id is null and agency_id = new.agency_id
      and candidate_id is null and stage in ('sourced', 'screening', 'interviewing', 'take_home', 'final', 'offer')) q where app is not null;
END;
--> statement-breakpoint
CREATE TRIGGER compliance_checks_board_update AFTER UPDATE OF type, status, requested_at, expires_at, application_id, candidate_id, agency_id ON compliance_checks BEGIN
  insert into board_refresh (application_id) select distinct app from (select old.application_id as app
    union select id from applications where candidate_id = old.candidate_id and stage in ('sourced', 'screening', 'interviewing', 'take_home', 'final', 'offer')
    union select id from applications where old.candidate_id is null and agency_id = old.agency_id
      and candidate_id is null and stage in ('sourced', 'screening', 'interviewing', 'take_home', 'final', 'offer') union select new.application_id as app
    union select id from applications where candidate_id = new.candidate_id and stage in ('sourced', 'screening', 'interviewing', 'take_home', 'final', 'offer')
    union select id from applications where new.candidate_id is null and agency_id = new.agency_id
      and candidate_id is null and stage in ('sourced', 'screening', 'interviewing', 'take_home', 'final', 'offer')) q where app is not null;
END;
--> statement-breakpoint
CREATE TRIGGER compliance_checks_board_delete AFTER DELETE ON compliance_checks BEGIN
  insert into board_refresh (application_id) select distinct app from (select old.application_id as app
    union select id from applications where candidate_id = old.candidate_id and stage in ('sourced', 'screening', 'interviewing', 'take_home', 'final', 'offer')
    union select id from applications where old.candidate_id is null and agency_id = old.agency_id
      and candidate_id is null and stage in ('sourced', 'screening', 'interviewing', 'take_home', 'final', 'offer')) q where app is not null;
END;
--> statement-breakpoint
CREATE TRIGGER roles_board_update AFTER UPDATE OF required_checks ON roles BEGIN
  insert into board_refresh (application_id) select distinct app from (select id as app from applications where role_id = new.id and stage in ('sourced', 'screening', 'interviewing', 'take_home', 'final', 'offer')) q where app is not null;
END;
--> statement-breakpoint
insert into board_states (application_id, role_id, stage, keys, valid_from, valid_until) select app, role, stage, json_group_array(distinct k) as keys, date('now') as valid_from, min(next) as valid_until from (
      select a.id as app, a.role_id as role, a.stage as stage, 'open' as k, null as next from applications a
        where 1 and a.stage in ('sourced', 'screening', 'interviewing', 'take_home', 'final', 'offer')
      union all select app, role, stage, type || ':' || status || case when attention then '!' else '' end, next from (
    select a.id as app, a.role_id as role, a.stage as stage, j.key as pos, j.value as type,
      coalesce(ca.requested_at, cp.requested_at, cg.requested_at) as requestedAt, coalesce(ca.expires_at, cp.expires_at, cg.expires_at) as expiresAt, case when coalesce(ca.id, cp.id, cg.id) is null then 'not_requested'
    when (coalesce(ca.expires_at, cp.expires_at, cg.expires_at) <> '' and coalesce(ca.expires_at, cp.expires_at, cg.expires_at) < date('now')) and coalesce(ca.status, cp.status, cg.status) in ('verified', 'received') then 'expired' else coalesce(ca.status, cp.status, cg.status) end as status,
      coalesce(coalesce(ca.status, cp.status, cg.status) in ('verified', 'waived') and not coalesce((coalesce(ca.expires_at, cp.expires_at, cg.expires_at) <> '' and coalesce(ca.expires_at, cp.expires_at, cg.expires_at) < date('now')), 0), 0) as satisfied,
      coalesce(coalesce(ca.status, cp.status, cg.status) = 'requested' and coalesce(ca.requested_at, cp.requested_at, cg.requested_at) is not null
    and round(julianday(date('now')) - julianday(coalesce(ca.requested_at, cp.requested_at, cg.requested_at))) > 7, 0) as stale, coalesce(coalesce(ca.expires_at, cp.expires_at, cg.expires_at) is not null and coalesce(ca.expires_at, cp.expires_at, cg.expires_at) >= date('now')
    and round(julianday(coalesce(ca.expires_at, cp.expires_at, cg.expires_at)) - julianday(date('now'))) <= 30
    and coalesce(ca.status, cp.status, cg.status) in ('verified', 'received'), 0) as expiringSoon,
      (coalesce(coalesce(ca.status, cp.status, cg.status) = 'requested' and coalesce(ca.requested_at, cp.requested_at, cg.requested_at) is not null
    and round(julianday(date('now')) - julianday(coalesce(ca.requested_at, cp.requested_at, cg.requested_at))) > 7, 0) or coalesce(coalesce(ca.expires_at, cp.expires_at, cg.expires_at) is not null and coalesce(ca.expires_at, cp.expires_at, cg.expires_at) >= date('now')
    and round(julianday(coalesce(ca.expires_at, cp.expires_at, cg.expires_at)) - julianday(date('now'))) <= 30
    and coalesce(ca.status, cp.status, cg.status) in ('verified', 'received'), 0) or case when coalesce(ca.id, cp.id, cg.id) is null then 'not_requested'
    when (coalesce(ca.expires_at, cp.expires_at, cg.expires_at) <> '' and coalesce(ca.expires_at, cp.expires_at, cg.expires_at) < date('now')) and coalesce(ca.status, cp.status, cg.status) in ('verified', 'received') then 'expired' else coalesce(ca.status, cp.status, cg.status) end in ('failed', 'expired')) as attention, nullif(min(coalesce(case when date(coalesce(ca.requested_at, cp.requested_at, cg.requested_at), '+7 days') > date('now') then date(coalesce(ca.requested_at, cp.requested_at, cg.requested_at), '+7 days') end, '9999-12-31'), coalesce(case when date(coalesce(ca.requested_at, cp.requested_at, cg.requested_at), '+8 days') > date('now') then date(coalesce(ca.requested_at, cp.requested_at, cg.requested_at), '+8 days') end, '9999-12-31'), coalesce(case when date(coalesce(ca.expires_at, cp.expires_at, cg.expires_at), '-31 days') > date('now') then date(coalesce(ca.expires_at, cp.expires_at, cg.expires_at), '-31 days') end, '9999-12-31'), coalesce(case when date(coalesce(ca.expires_at, cp.expires_at, cg.expires_at), '-30 days') > date('now') then date(coalesce(ca.expires_at, cp.expires_at, cg.expires_at), '-30 days') end, '9999-12-31'), coalesce(case when date(coalesce(ca.expires_at, cp.expires_at, cg.expires_at), '0 days') > date('now') then date(coalesce(ca.expires_at, cp.expires_at, cg.expires_at), '0 days') end, '9999-12-31'), coalesce(case when date(coalesce(ca.expires_at, cp.expires_at, cg.expires_at), '1 days') > date('now') then date(coalesce(ca.expires_at, cp.expires_at, cg.expires_at), '1 days') end, '9999-12-31')), '9999-12-31') as next
    from applications a
    join roles r on r.id = a.role_id
    join json_each(r.required_checks) j
    left join compliance_checks ca on j.value in ('ip_assignment', 'worker_classification', 'data_access_clearance') and ca.application_id = a.id and ca.type = j.value
    left join compliance_checks cp on not j.value in ('ip_assignment', 'worker_classification', 'data_access_clearance') and a.candidate_id is not null
      and cp.candidate_id = a.candidate_id and cp.type = j.value
    left join compliance_checks cg on not j.value in ('ip_assignment', 'worker_classification', 'data_access_clearance') and a.candidate_id is null
      and cg.agency_id = a.agency_id and cg.type = j.value
    where 1 and a.stage in ('sourced', 'screening', 'interviewing', 'take_home', 'final', 'offer'))
      union all select app, role, stage, type || ':all' || case when attention then '!' else '' end, null from (
    select a.id as app, a.role_id as role, a.stage as stage, j.key as pos, j.value as type,
      coalesce(ca.requested_at, cp.requested_at, cg.requested_at) as requestedAt, coalesce(ca.expires_at, cp.expires_at, cg.expires_at) as expiresAt, case when coalesce(ca.id, cp.id, cg.id) is null then 'not_requested'
    when (coalesce(ca.expires_at, cp.expires_at, cg.expires_at) <> '' and coalesce(ca.expires_at, cp.expires_at, cg.expires_at) < date('now')) and coalesce(ca.status, cp.status, cg.status) in ('verified', 'received') then 'expired' else coalesce(ca.status, cp.status, cg.status) end as status,
      coalesce(coalesce(ca.status, cp.status, cg.status) in ('verified', 'waived') and not coalesce((coalesce(ca.expires_at, cp.expires_at, cg.expires_at) <> '' and coalesce(ca.expires_at, cp.expires_at, cg.expires_at) < date('now')), 0), 0) as satisfied,
      coalesce(coalesce(ca.status, cp.status, cg.status) = 'requested' and coalesce(ca.requested_at, cp.requested_at, cg.requested_at) is not null
    and round(julianday(date('now')) - julianday(coalesce(ca.requested_at, cp.requested_at, cg.requested_at))) > 7, 0) as stale, coalesce(coalesce(ca.expires_at, cp.expires_at, cg.expires_at) is not null and coalesce(ca.expires_at, cp.expires_at, cg.expires_at) >= date('now')
    and round(julianday(coalesce(ca.expires_at, cp.expires_at, cg.expires_at)) - julianday(date('now'))) <= 30
    and coalesce(ca.status, cp.status, cg.status) in ('verified', 'received'), 0) as expiringSoon,
      (coalesce(coalesce(ca.status, cp.status, cg.status) = 'requested' and coalesce(ca.requested_at, cp.requested_at, cg.requested_at) is not null
    and round(julianday(date('now')) - julianday(coalesce(ca.requested_at, cp.requested_at, cg.requested_at))) > 7, 0) or coalesce(coalesce(ca.expires_at, cp.expires_at, cg.expires_at) is not null and coalesce(ca.expires_at, cp.expires_at, cg.expires_at) >= date('now')
    and round(julianday(coalesce(ca.expires_at, cp.expires_at, cg.expires_at)) - julianday(date('now'))) <= 30
    and coalesce(ca.status, cp.status, cg.status) in ('verified', 'received'), 0) or case when coalesce(ca.id, cp.id, cg.id) is null then 'not_requested'
    when (coalesce(ca.expires_at, cp.expires_at, cg.expires_at) <> '' and coalesce(ca.expires_at, cp.expires_at, cg.expires_at) < date('now')) and coalesce(ca.status, cp.status, cg.status) in ('verified', 'received') then 'expired' else coalesce(ca.status, cp.status, cg.status) end in ('failed', 'expired')) as attention, nullif(min(coalesce(case when date(coalesce(ca.requested_at, cp.requested_at, cg.requested_at), '+7 days') > date('now') then date(coalesce(ca.requested_at, cp.requested_at, cg.requested_at), '+7 days') end, '9999-12-31'), coalesce(case when date(coalesce(ca.requested_at, cp.requested_at, cg.requested_at), '+8 days') > date('now') then date(coalesce(ca.requested_at, cp.requested_at, cg.requested_at), '+8 days') end, '9999-12-31'), coalesce(case when date(coalesce(ca.expires_at, cp.expires_at, cg.expires_at), '-31 days') > date('now') then date(coalesce(ca.expires_at, cp.expires_at, cg.expires_at), '-31 days') end, '9999-12-31'), coalesce(case when date(coalesce(ca.expires_at, cp.expires_at, cg.expires_at), '-30 days') > date('now') then date(coalesce(ca.expires_at, cp.expires_at, cg.expires_at), '-30 days') end, '9999-12-31'), coalesce(case when date(coalesce(ca.expires_at, cp.expires_at, cg.expires_at), '0 days') > date('now') then date(coalesce(ca.expires_at, cp.expires_at, cg.expires_at), '0 days') end, '9999-12-31'), coalesce(case when date(coalesce(ca.expires_at, cp.expires_at, cg.expires_at), '1 days') > date('now') then date(coalesce(ca.expires_at, cp.expires_at, cg.expires_at), '1 days') end, '9999-12-31')), '9999-12-31') as next
    from applications a
    join roles r on r.id = a.role_id
    join json_each(r.required_checks) j
    left join compliance_checks ca on j.value in ('ip_assignment', 'worker_classification', 'data_access_clearance') and ca.application_id = a.id and ca.type = j.value
    left join compliance_checks cp on not j.value in ('ip_assignment', 'worker_classification', 'data_access_clearance') and a.candidate_id is not null
      and cp.candidate_id = a.candidate_id and cp.type = j.value
    left join compliance_checks cg on not j.value in ('ip_assignment', 'worker_classification', 'data_access_clearance') and a.candidate_id is null
      and cg.agency_id = a.agency_id and cg.type = j.value
    where 1 and a.stage in ('sourced', 'screening', 'interviewing', 'take_home', 'final', 'offer'))
      union all select app, role, stage, type || ':missing' || case when attention then '!' else '' end, null from (
    select a.id as app, a.role_id as role, a.stage as stage, j.key as pos, j.value as type,
      coalesce(ca.requested_at, cp.requested_at, cg.requested_at) as requestedAt, coalesce(ca.expires_at, cp.expires_at, cg.expires_at) as expiresAt, case when coalesce(ca.id, cp.id, cg.id) is null then 'not_requested'
    when (coalesce(ca.expires_at, cp.expires_at, cg.expires_at) <> '' and coalesce(ca.expires_at, cp.expires_at, cg.expires_at) < date('now')) and coalesce(ca.status, cp.status, cg.status) in ('verified', 'received') then 'expired' else coalesce(ca.status, cp.status, cg.status) end as status,
      coalesce(coalesce(ca.status, cp.status, cg.status) in ('verified', 'waived') and not coalesce((coalesce(ca.expires_at, cp.expires_at, cg.expires_at) <> '' and coalesce(ca.expires_at, cp.expires_at, cg.expires_at) < date('now')), 0), 0) as satisfied,
      coalesce(coalesce(ca.status, cp.status, cg.status) = 'requested' and coalesce(ca.requested_at, cp.requested_at, cg.requested_at) is not null
    and round(julianday(date('now')) - julianday(coalesce(ca.requested_at, cp.requested_at, cg.requested_at))) > 7, 0) as stale, coalesce(coalesce(ca.expires_at, cp.expires_at, cg.expires_at) is not null and coalesce(ca.expires_at, cp.expires_at, cg.expires_at) >= date('now')
    and round(julianday(coalesce(ca.expires_at, cp.expires_at, cg.expires_at)) - julianday(date('now'))) <= 30
    and coalesce(ca.status, cp.status, cg.status) in ('verified', 'received'), 0) as expiringSoon,
      (coalesce(coalesce(ca.status, cp.status, cg.status) = 'requested' and coalesce(ca.requested_at, cp.requested_at, cg.requested_at) is not null
    and round(julianday(date('now')) - julianday(coalesce(ca.requested_at, cp.requested_at, cg.requested_at))) > 7, 0) or coalesce(coalesce(ca.expires_at, cp.expires_at, cg.expires_at) is not null and coalesce(ca.expires_at, cp.expires_at, cg.expires_at) >= date('now')
    and round(julianday(coalesce(ca.expires_at, cp.expires_at, cg.expires_at)) - julianday(date('now'))) <= 30
    and coalesce(ca.status, cp.status, cg.status) in ('verified', 'received'), 0) or case when coalesce(ca.id, cp.id, cg.id) is null then 'not_requested'
    when (coalesce(ca.expires_at, cp.expires_at, cg.expires_at) <> '' and coalesce(ca.expires_at, cp.expires_at, cg.expires_at) < date('now')) and coalesce(ca.status, cp.status, cg.status) in ('verified', 'received') then 'expired' else coalesce(ca.status, cp.status, cg.status) end in ('failed', 'expired')) as attention, nullif(min(coalesce(case when date(coalesce(ca.requested_at, cp.requested_at, cg.requested_at), '+7 days') > date('now') then date(coalesce(ca.requested_at, cp.requested_at, cg.requested_at), '+7 days') end, '9999-12-31'), coalesce(case when date(coalesce(ca.requested_at, cp.requested_at, cg.requested_at), '+8 days') > date('now') then date(coalesce(ca.requested_at, cp.requested_at, cg.requested_at), '+8 days') end, '9999-12-31'), coalesce(case when date(coalesce(ca.expires_at, cp.expires_at, cg.expires_at), '-31 days') > date('now') then date(coalesce(ca.expires_at, cp.expires_at, cg.expires_at), '-31 days') end, '9999-12-31'), coalesce(case when date(coalesce(ca.expires_at, cp.expires_at, cg.expires_at), '-30 days') > date('now') then date(coalesce(ca.expires_at, cp.expires_at, cg.expires_at), '-30 days') end, '9999-12-31'), coalesce(case when date(coalesce(ca.expires_at, cp.expires_at, cg.expires_at), '0 days') > date('now') then date(coalesce(ca.expires_at, cp.expires_at, cg.expires_at), '0 days') end, '9999-12-31'), coalesce(case when date(coalesce(ca.expires_at, cp.expires_at, cg.expires_at), '1 days') > date('now') then date(coalesce(ca.expires_at, cp.expires_at, cg.expires_at), '1 days') end, '9999-12-31')), '9999-12-31') as next
    from applications a
    join roles r on r.id = a.role_id
    join json_each(r.required_checks) j
    left join compliance_checks ca on j.value in ('ip_assignment', 'worker_classification', 'data_access_clearance') and ca.application_id = a.id and ca.type = j.value
    left join compliance_checks cp on not j.value in ('ip_assignment', 'worker_classification', 'data_access_clearance') and a.candidate_id is not null
      and cp.candidate_id = a.candidate_id and cp.type = j.value
    left join compliance_checks cg on not j.value in ('ip_assignment', 'worker_classification', 'data_access_clearance') and a.candidate_id is null
      and cg.agency_id = a.agency_id and cg.type = j.value
    where 1 and a.stage in ('sourced', 'screening', 'interviewing', 'take_home', 'final', 'offer')) where not satisfied
      union all select app, role, stage, '*:' || status || case when max(attention) then '!' else '' end, null from (
    select a.id as app, a.role_id as role, a.stage as stage, j.key as pos, j.value as type,
      coalesce(ca.requested_at, cp.requested_at, cg.requested_at) as requestedAt, coalesce(ca.expires_at, cp.expires_at, cg.expires_at) as expiresAt, case when coalesce(ca.id, cp.id, cg.id) is null then 'not_requested'
    when (coalesce(ca.expires_at, cp.expires_at, cg.expires_at) <> '' and coalesce(ca.expires_at, cp.expires_at, cg.expires_at) < date('now')) and coalesce(ca.status, cp.status, cg.status) in ('verified', 'received') then 'expired' else coalesce(ca.status, cp.status, cg.status) end as status,
      coalesce(coalesce(ca.status, cp.status, cg.status) in ('verified', 'waived') and not coalesce((coalesce(ca.expires_at, cp.expires_at, cg.expires_at) <> '' and coalesce(ca.expires_at, cp.expires_at, cg.expires_at) < date('now')), 0), 0) as satisfied,
      coalesce(coalesce(ca.status, cp.status, cg.status) = 'requested' and coalesce(ca.requested_at, cp.requested_at, cg.requested_at) is not null
    and round(julianday(date('now')) - julianday(coalesce(ca.requested_at, cp.requested_at, cg.requested_at))) > 7, 0) as stale, coalesce(coalesce(ca.expires_at, cp.expires_at, cg.expires_at) is not null and coalesce(ca.expires_at, cp.expires_at, cg.expires_at) >= date('now')
    and round(julianday(coalesce(ca.expires_at, cp.expires_at, cg.expires_at)) - julianday(date('now'))) <= 30
    and coalesce(ca.status, cp.status, cg.status) in ('verified', 'received'), 0) as expiringSoon,
      (coalesce(coalesce(ca.status, cp.status, cg.status) = 'requested' and coalesce(ca.requested_at, cp.requested_at, cg.requested_at) is not null
    and round(julianday(date('now')) - julianday(coalesce(ca.requested_at, cp.requested_at, cg.requested_at))) > 7, 0) or coalesce(coalesce(ca.expires_at, cp.expires_at, cg.expires_at) is not null and coalesce(ca.expires_at, cp.expires_at, cg.expires_at) >= date('now')
    and round(julianday(coalesce(ca.expires_at, cp.expires_at, cg.expires_at)) - julianday(date('now'))) <= 30
    and coalesce(ca.status, cp.status, cg.status) in ('verified', 'received'), 0) or case when coalesce(ca.id, cp.id, cg.id) is null then 'not_requested'
    when (coalesce(ca.expires_at, cp.expires_at, cg.expires_at) <> '' and coalesce(ca.expires_at, cp.expires_at, cg.expires_at) < date('now')) and coalesce(ca.status, cp.status, cg.status) in ('verified', 'received') then 'expired' else coalesce(ca.status, cp.status, cg.status) end in ('failed', 'expired')) as attention, nullif(min(coalesce(case when date(coalesce(ca.requested_at, cp.requested_at, cg.requested_at), '+7 days') > date('now') then date(coalesce(ca.requested_at, cp.requested_at, cg.requested_at), '+7 days') end, '9999-12-31'), coalesce(case when date(coalesce(ca.requested_at, cp.requested_at, cg.requested_at), '+8 days') > date('now') then date(coalesce(ca.requested_at, cp.requested_at, cg.requested_at), '+8 days') end, '9999-12-31'), coalesce(case when date(coalesce(ca.expires_at, cp.expires_at, cg.expires_at), '-31 days') > date('now') then date(coalesce(ca.expires_at, cp.expires_at, cg.expires_at), '-31 days') end, '9999-12-31'), coalesce(case when date(coalesce(ca.expires_at, cp.expires_at, cg.expires_at), '-30 days') > date('now') then date(coalesce(ca.expires_at, cp.expires_at, cg.expires_at), '-30 days') end, '9999-12-31'), coalesce(case when date(coalesce(ca.expires_at, cp.expires_at, cg.expires_at), '0 days') > date('now') then date(coalesce(ca.expires_at, cp.expires_at, cg.expires_at), '0 days') end, '9999-12-31'), coalesce(case when date(coalesce(ca.expires_at, cp.expires_at, cg.expires_at), '1 days') > date('now') then date(coalesce(ca.expires_at, cp.expires_at, cg.expires_at), '1 days') end, '9999-12-31')), '9999-12-31') as next
    from applications a
    join roles r on r.id = a.role_id
    join json_each(r.required_checks) j
    left join compliance_checks ca on j.value in ('ip_assignment', 'worker_classification', 'data_access_clearance') and ca.application_id = a.id and ca.type = j.value
    left join compliance_checks cp on not j.value in ('ip_assignment', 'worker_classification', 'data_access_clearance') and a.candidate_id is not null
      and cp.candidate_id = a.candidate_id and cp.type = j.value
    left join compliance_checks cg on not j.value in ('ip_assignment', 'worker_classification', 'data_access_clearance') and a.candidate_id is null
      and cg.agency_id = a.agency_id and cg.type = j.value
    where 1 and a.stage in ('sourced', 'screening', 'interviewing', 'take_home', 'final', 'offer')) group by app, status
      union all select app, role, stage, '*:missing' || case when max(attention) then '!' else '' end, null from (
    select a.id as app, a.role_id as role, a.stage as stage, j.key as pos, j.value as type,
      coalesce(ca.requested_at, cp.requested_at, cg.requested_at) as requestedAt, coalesce(ca.expires_at, cp.expires_at, cg.expires_at) as expiresAt, case when coalesce(ca.id, cp.id, cg.id) is null then 'not_requested'
    when (coalesce(ca.expires_at, cp.expires_at, cg.expires_at) <> '' and coalesce(ca.expires_at, cp.expires_at, cg.expires_at) < date('now')) and coalesce(ca.status, cp.status, cg.status) in ('verified', 'received') then 'expired' else coalesce(ca.status, cp.status, cg.status) end as status,
      coalesce(coalesce(ca.status, cp.status, cg.status) in ('verified', 'waived') and not coalesce((coalesce(ca.expires_at, cp.expires_at, cg.expires_at) <> '' and coalesce(ca.expires_at, cp.expires_at, cg.expires_at) < date('now')), 0), 0) as satisfied,
      coalesce(coalesce(ca.status, cp.status, cg.status) = 'requested' and coalesce(ca.requested_at, cp.requested_at, cg.requested_at) is not null
    and round(julianday(date('now')) - julianday(coalesce(ca.requested_at, cp.requested_at, cg.requested_at))) > 7, 0) as stale, coalesce(coalesce(ca.expires_at, cp.expires_at, cg.expires_at) is not null and coalesce(ca.expires_at, cp.expires_at, cg.expires_at) >= date('now')
    and round(julianday(coalesce(ca.expires_at, cp.expires_at, cg.expires_at)) - julianday(date('now'))) <= 30
    and coalesce(ca.status, cp.status, cg.status) in ('verified', 'received'), 0) as expiringSoon,
      (coalesce(coalesce(ca.status, cp.status, cg.status) = 'requested' and coalesce(ca.requested_at, cp.requested_at, cg.requested_at) is not null
    and round(julianday(date('now')) - julianday(coalesce(ca.requested_at, cp.requested_at, cg.requested_at))) > 7, 0) or coalesce(coalesce(ca.expires_at, cp.expires_at, cg.expires_at) is not null and coalesce(ca.expires_at, cp.expires_at, cg.expires_at) >= date('now')
    and round(julianday(coalesce(ca.expires_at, cp.expires_at, cg.expires_at)) - julianday(date('now'))) <= 30
    and coalesce(ca.status, cp.status, cg.status) in ('verified', 'received'), 0) or case when coalesce(ca.id, cp.id, cg.id) is null then 'not_requested'
    when (coalesce(ca.expires_at, cp.expires_at, cg.expires_at) <> '' and coalesce(ca.expires_at, cp.expires_at, cg.expires_at) < date('now')) and coalesce(ca.status, cp.status, cg.status) in ('verified', 'received') then 'expired' else coalesce(ca.status, cp.status, cg.status) end in ('failed', 'expired')) as attention, nullif(min(coalesce(case when date(coalesce(ca.requested_at, cp.requested_at, cg.requested_at), '+7 days') > date('now') then date(coalesce(ca.requested_at, cp.requested_at, cg.requested_at), '+7 days') end, '9999-12-31'), coalesce(case when date(coalesce(ca.requested_at, cp.requested_at, cg.requested_at), '+8 days') > date('now') then date(coalesce(ca.requested_at, cp.requested_at, cg.requested_at), '+8 days') end, '9999-12-31'), coalesce(case when date(coalesce(ca.expires_at, cp.expires_at, cg.expires_at), '-31 days') > date('now') then date(coalesce(ca.expires_at, cp.expires_at, cg.expires_at), '-31 days') end, '9999-12-31'), coalesce(case when date(coalesce(ca.expires_at, cp.expires_at, cg.expires_at), '-30 days') > date('now') then date(coalesce(ca.expires_at, cp.expires_at, cg.expires_at), '-30 days') end, '9999-12-31'), coalesce(case when date(coalesce(ca.expires_at, cp.expires_at, cg.expires_at), '0 days') > date('now') then date(coalesce(ca.expires_at, cp.expires_at, cg.expires_at), '0 days') end, '9999-12-31'), coalesce(case when date(coalesce(ca.expires_at, cp.expires_at, cg.expires_at), '1 days') > date('now') then date(coalesce(ca.expires_at, cp.expires_at, cg.expires_at), '1 days') end, '9999-12-31')), '9999-12-31') as next
    from applications a
    join roles r on r.id = a.role_id
    join json_each(r.required_checks) j
    left join compliance_checks ca on j.value in ('ip_assignment', 'worker_classification', 'data_access_clearance') and ca.application_id = a.id and ca.type = j.value
    left join compliance_checks cp on not j.value in ('ip_assignment', 'worker_classification', 'data_access_clearance') and a.candidate_id is not null
      and cp.candidate_id = a.candidate_id and cp.type = j.value
    left join compliance_checks cg on not j.value in ('ip_assignment', 'worker_classification', 'data_access_clearance') and a.candidate_id is null
      and cg.agency_id = a.agency_id and cg.type = j.value
    where 1 and a.stage in ('sourced', 'screening', 'interviewing', 'take_home', 'final', 'offer')) where not satisfied
        group by app
      union all select app, role, stage, '*:all' || case when max(attention) then '!' else '' end, null from (
    select a.id as app, a.role_id as role, a.stage as stage, j.key as pos, j.value as type,
      coalesce(ca.requested_at, cp.requested_at, cg.requested_at) as requestedAt, coalesce(ca.expires_at, cp.expires_at, cg.expires_at) as expiresAt, case when coalesce(ca.id, cp.id, cg.id) is null then 'not_requested'
    when (coalesce(ca.expires_at, cp.expires_at, cg.expires_at) <> '' and coalesce(ca.expires_at, cp.expires_at, cg.expires_at) < date('now')) and coalesce(ca.status, cp.status, cg.status) in ('verified', 'received') then 'expired' else coalesce(ca.status, cp.status, cg.status) end as status,
      coalesce(coalesce(ca.status, cp.status, cg.status) in ('verified', 'waived') and not coalesce((coalesce(ca.expires_at, cp.expires_at, cg.expires_at) <> '' and coalesce(ca.expires_at, cp.expires_at, cg.expires_at) < date('now')), 0), 0) as satisfied,
      coalesce(coalesce(ca.status, cp.status, cg.status) = 'requested' and coalesce(ca.requested_at, cp.requested_at, cg.requested_at) is not null
    and round(julianday(date('now')) - julianday(coalesce(ca.requested_at, cp.requested_at, cg.requested_at))) > 7, 0) as stale, coalesce(coalesce(ca.expires_at, cp.expires_at, cg.expires_at) is not null and coalesce(ca.expires_at, cp.expires_at, cg.expires_at) >= date('now')
    and round(julianday(coalesce(ca.expires_at, cp.expires_at, cg.expires_at)) - julianday(date('now'))) <= 30
    and coalesce(ca.status, cp.status, cg.status) in ('verified', 'received'), 0) as expiringSoon,
      (coalesce(coalesce(ca.status, cp.status, cg.status) = 'requested' and coalesce(ca.requested_at, cp.requested_at, cg.requested_at) is not null
    and round(julianday(date('now')) - julianday(coalesce(ca.requested_at, cp.requested_at, cg.requested_at))) > 7, 0) or coalesce(coalesce(ca.expires_at, cp.expires_at, cg.expires_at) is not null and coalesce(ca.expires_at, cp.expires_at, cg.expires_at) >= date('now')
    and round(julianday(coalesce(ca.expires_at, cp.expires_at, cg.expires_at)) - julianday(date('now'))) <= 30
    and coalesce(ca.status, cp.status, cg.status) in ('verified', 'received'), 0) or case when coalesce(ca.id, cp.id, cg.id) is null then 'not_requested'
    when (coalesce(ca.expires_at, cp.expires_at, cg.expires_at) <> '' and coalesce(ca.expires_at, cp.expires_at, cg.expires_at) < date('now')) and coalesce(ca.status, cp.status, cg.status) in ('verified', 'received') then 'expired' else coalesce(ca.status, cp.status, cg.status) end in ('failed', 'expired')) as attention, nullif(min(coalesce(case when date(coalesce(ca.requested_at, cp.requested_at, cg.requested_at), '+7 days') > date('now') then date(coalesce(ca.requested_at, cp.requested_at, cg.requested_at), '+7 days') end, '9999-12-31'), coalesce(case when date(coalesce(ca.requested_at, cp.requested_at, cg.requested_at), '+8 days') > date('now') then date(coalesce(ca.requested_at, cp.requested_at, cg.requested_at), '+8 days') end, '9999-12-31'), coalesce(case when date(coalesce(ca.expires_at, cp.expires_at, cg.expires_at), '-31 days') > date('now') then date(coalesce(ca.expires_at, cp.expires_at, cg.expires_at), '-31 days') end, '9999-12-31'), coalesce(case when date(coalesce(ca.expires_at, cp.expires_at, cg.expires_at), '-30 days') > date('now') then date(coalesce(ca.expires_at, cp.expires_at, cg.expires_at), '-30 days') end, '9999-12-31'), coalesce(case when date(coalesce(ca.expires_at, cp.expires_at, cg.expires_at), '0 days') > date('now') then date(coalesce(ca.expires_at, cp.expires_at, cg.expires_at), '0 days') end, '9999-12-31'), coalesce(case when date(coalesce(ca.expires_at, cp.expires_at, cg.expires_at), '1 days') > date('now') then date(coalesce(ca.expires_at, cp.expires_at, cg.expires_at), '1 days') end, '9999-12-31')), '9999-12-31') as next
    from applications a
    join roles r on r.id = a.role_id
    join json_each(r.required_checks) j
    left join compliance_checks ca on j.value in ('ip_assignment', 'worker_classification', 'data_access_clearance') and ca.application_id = a.id and ca.type = j.value
    left join compliance_checks cp on not j.value in ('ip_assignment', 'worker_classification', 'data_access_clearance') and a.candidate_id is not null
      and cp.candidate_id = a.candidate_id and cp.type = j.value
    left join compliance_checks cg on not j.value in ('ip_assignment', 'worker_classification', 'data_access_clearance') and a.candidate_id is null
      and cg.agency_id = a.agency_id and cg.type = j.value
    where 1 and a.stage in ('sourced', 'screening', 'interviewing', 'take_home', 'final', 'offer')) group by app
    ) group by app;
--> statement-breakpoint
insert into board_counts (key, role_id, stage, n, flagged) select key, role_id, stage, count(*), sum(flagged)
    from (select b.role_id as role_id, b.stage as stage, rtrim(j.value, '!') as key, j.value like '%!' as flagged
    from board_states b, json_each(b.keys) j where 1) group by key, role_id, stage;
