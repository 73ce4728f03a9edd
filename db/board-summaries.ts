// The SQL behind the HR board's counts (board_states and board_counts in db/schema.ts): what the board reads of an
// application's required checks on a day, each open application's counter keys on the day it was last computed,
// and the counters summed from those keys per role, stage and key. Triggers recompute an application's keys when
// what they read changes (its stage, role or subject, a check where it lives, its role's required checks), from any
// connection. Keys that follow the clock (a request going stale, a check nearing or passing its expiry) hold until
// `valid_until`; a reader asking about another day corrects the counters with the applications whose keys do not
// hold on it (app/models/compliance.server.ts), and the daily run recomputes those that lapsed. Migration 0021
// holds the same text (a test compares them); the bench's generator drops the triggers while it bulk-loads.
import { checkScope, checkTypes, EXPIRING_SOON_DAYS, STALE_REQUEST_DAYS } from "../app/domain/compliance";
import { openStages } from "../app/domain/pipeline";
import { triggerNamesOf } from "./triggers";

const quoted = (xs: readonly string[]) => xs.map((x) => `'${x}'`).join(", ");
const OPEN_STAGES = quoted(openStages);
const APPLICATION_SCOPED = quoted(checkTypes.filter((t) => checkScope[t] === "application"));

/** The least of some SQL day expressions that are after `day`, or null: early is safe, it only costs a recount. */
function firstAfter(day: string, candidates: string[]): string {
  const after = candidates.map((c) => `coalesce(case when ${c} > ${day} then ${c} end, '9999-12-31')`);
  return `nullif(min(${after.join(", ")}), '9999-12-31')`;
}

/**
 * One row per (application `where` keeps, over applications a; check its role requires), in the role's order, as
 * the board reads it on `day` (an SQL expression): the check on file where it lives (the application, or the person
 * or agency), its status as shown, whether it is cleared, stale, expiring soon, needs attention; and `next`, the
 * first day after `day` on which any of that may read differently.
 */
export function requiredRows(where: string, day: string): string {
  // One index lookup per row: the check where a check of its type lives (at most one of the three joins matches).
  const [id, stored, requestedAt, expiresAt] = ["id", "status", "requested_at", "expires_at"].map(
    (column) => `coalesce(ca.${column}, cp.${column}, cg.${column})`,
  );
  const expired = `(${expiresAt} <> '' and ${expiresAt} < ${day})`;
  const status = `case when ${id} is null then 'not_requested'
    when ${expired} and ${stored} in ('verified', 'received') then 'expired' else ${stored} end`;
  const stale = `coalesce(${stored} = 'requested' and ${requestedAt} is not null
    and round(julianday(${day}) - julianday(${requestedAt})) > ${STALE_REQUEST_DAYS}, 0)`;
  const expiringSoon = `coalesce(${expiresAt} is not null and ${expiresAt} >= ${day}
    and round(julianday(${expiresAt}) - julianday(${day})) <= ${EXPIRING_SOON_DAYS}
    and ${stored} in ('verified', 'received'), 0)`;
  // A request goes stale STALE_REQUEST_DAYS + 1 days after it was made; a check is expiring soon from
  // EXPIRING_SOON_DAYS before its date and expired the day after it. A day either side covers times of day.
  const next = firstAfter(day, [
    ...[STALE_REQUEST_DAYS, STALE_REQUEST_DAYS + 1].map((n) => `date(${requestedAt}, '+${n} days')`),
    ...[-EXPIRING_SOON_DAYS - 1, -EXPIRING_SOON_DAYS, 0, 1].map((n) => `date(${expiresAt}, '${n} days')`),
  ]);
  const appScoped = `j.value in (${APPLICATION_SCOPED})`;
  return `
    select a.id as app, a.role_id as role, a.stage as stage, j.key as pos, j.value as type,
      ${requestedAt} as requestedAt, ${expiresAt} as expiresAt, ${status} as status,
      coalesce(${stored} in ('verified', 'waived') and not coalesce(${expired}, 0), 0) as satisfied,
      ${stale} as stale, ${expiringSoon} as expiringSoon,
      (${stale} or ${expiringSoon} or ${status} in ('failed', 'expired')) as attention, ${next} as next
    from applications a
    join roles r on r.id = a.role_id
    join json_each(r.required_checks) j
    left join compliance_checks ca on ${appScoped} and ca.application_id = a.id and ca.type = j.value
    left join compliance_checks cp on not ${appScoped} and a.candidate_id is not null
      and cp.candidate_id = a.candidate_id and cp.type = j.value
    left join compliance_checks cg on not ${appScoped} and a.candidate_id is null
      and cg.agency_id = a.agency_id and cg.type = j.value
    where ${where}`;
}

/**
 * board_states' rows for the open applications `where` keeps, on `day`: each application's counter keys, one per
 * board filter it appears under, "!" marking a filter under which it is flagged. "open" for every open application;
 * per required check "<type>:<status>", "<type>:all" and, not cleared, "<type>:missing"; and per application
 * "*:<status>", "*:missing" and "*:all", flagged when one of the checks that put it there needs attention (the board's
 * rule for a filter on status alone). Several check types at once are not counted: one application may match through
 * more than one of them.
 */
export function boardStates(where: string, day: string): string {
  const rows = `(${requiredRows(`${where} and a.stage in (${OPEN_STAGES})`, day)})`;
  const flag = (attention: string) => `case when ${attention} then '!' else '' end`;
  return `select app, role, stage, json_group_array(distinct k) as keys, ${day} as valid_from, min(next) as valid_until from (
      select a.id as app, a.role_id as role, a.stage as stage, 'open' as k, null as next from applications a
        where ${where} and a.stage in (${OPEN_STAGES})
      union all select app, role, stage, type || ':' || status || ${flag("attention")}, next from ${rows}
      union all select app, role, stage, type || ':all' || ${flag("attention")}, null from ${rows}
      union all select app, role, stage, type || ':missing' || ${flag("attention")}, null from ${rows} where not satisfied
      union all select app, role, stage, '*:' || status || ${flag("max(attention)")}, null from ${rows} group by app, status
      union all select app, role, stage, '*:missing' || ${flag("max(attention)")}, null from ${rows} where not satisfied
        group by app
      union all select app, role, stage, '*:all' || ${flag("max(attention)")}, null from ${rows} group by app
    ) group by app`;
}

const STATE_COLUMNS = "application_id, role_id, stage, keys, valid_from, valid_until";
const TODAY = "date('now')";

/** Each key of the board_states rows `where` keeps (over board_states b): its counter and whether it is flagged. */
const keysOf = (where: string) =>
  `select b.role_id as role_id, b.stage as stage, rtrim(j.value, '!') as key, j.value like '%!' as flagged
    from board_states b, json_each(b.keys) j where ${where}`;

/** The statements recomputing application `app`'s state and counters (an SQL expression: `new.application_id`). */
export function refreshStatements(app: string): string[] {
  const mine = `b.application_id = ${app}`;
  return [
    `update board_counts set n = board_counts.n - 1, flagged = board_counts.flagged - k.flagged from (${keysOf(mine)}) k
    where board_counts.key = k.key and board_counts.role_id = k.role_id and board_counts.stage = k.stage`,
    `delete from board_counts where n <= 0 and (key, role_id, stage) in (select key, role_id, stage from (${keysOf(mine)}))`,
    `delete from board_states where application_id = ${app}`,
    `insert into board_states (${STATE_COLUMNS}) ${boardStates(`a.id = ${app}`, TODAY)}`,
    `insert into board_counts (key, role_id, stage, n, flagged) select key, role_id, stage, 1, flagged
    from (${keysOf(mine)}) where true
    on conflict (key, role_id, stage) do update set n = board_counts.n + 1, flagged = board_counts.flagged + excluded.flagged`,
  ];
}

/** Every state and counter recomputed (the migration's backfill; the bench's generator after its load). */
export const rebuildStatements: string[] = [
  "delete from board_states",
  "delete from board_counts",
  `insert into board_states (${STATE_COLUMNS}) ${boardStates("1", TODAY)}`,
  `insert into board_counts (key, role_id, stage, n, flagged) select key, role_id, stage, count(*), sum(flagged)
    from (${keysOf("1")}) group by key, role_id, stage`,
];

/** Queue the applications `select` gives (one column, `app`) for recomputation, each once. */
const queue = (select: string) =>
  `insert into board_refresh (application_id) select distinct app from (${select}) q where app is not null`;

/** The open applications a check on `c` (new or old) reads: its application's, or its person's or agency's. */
const readersOf = (c: string) =>
  `select ${c}.application_id as app
    union select id from applications where candidate_id = ${c}.candidate_id and stage in (${OPEN_STAGES})
    union select id from applications where ${c}.candidate_id is null and agency_id = ${c}.agency_id
      and candidate_id is null and stage in (${OPEN_STAGES})`;

const CHECK_COLUMNS = "type, status, requested_at, expires_at, application_id, candidate_id, agency_id";

export const triggerStatements: string[] = [
  `CREATE TRIGGER board_refresh_application AFTER INSERT ON board_refresh BEGIN
  ${[...refreshStatements("new.application_id"), "delete from board_refresh where rowid = new.rowid"].join(";\n  ")};
END`,
  `CREATE TRIGGER applications_board_insert AFTER INSERT ON applications BEGIN
  ${queue("select new.id as app")};
END`,
  `CREATE TRIGGER applications_board_update AFTER UPDATE OF id, role_id, stage, candidate_id, agency_id ON applications
BEGIN
  ${queue("select old.id as app union select new.id")};
END`,
  `CREATE TRIGGER applications_board_delete AFTER DELETE ON applications BEGIN
  ${queue("select old.id as app")};
END`,
  `CREATE TRIGGER compliance_checks_board_insert AFTER INSERT ON compliance_checks BEGIN
  ${queue(readersOf("new"))};
END`,
  `CREATE TRIGGER compliance_checks_board_update AFTER UPDATE OF ${CHECK_COLUMNS} ON compliance_checks BEGIN
  ${queue(`${readersOf("old")} union ${readersOf("new")}`)};
END`,
  `CREATE TRIGGER compliance_checks_board_delete AFTER DELETE ON compliance_checks BEGIN
  ${queue(readersOf("old"))};
END`,
  `CREATE TRIGGER roles_board_update AFTER UPDATE OF required_checks ON roles BEGIN
  ${queue(`select id as app from applications where role_id = new.id and stage in (${OPEN_STAGES})`)};
END`,
];

export const triggerNames = triggerNamesOf(triggerStatements);

/** The daily run's recount: every application whose keys lapsed (a day they follow has come). */
export const lapsedStatement = `insert into board_refresh (application_id)
  select application_id from board_states where valid_until <= ${TODAY} or valid_from > ${TODAY}`;
