// The SQL that keeps the summary rows (calibration_pairs, calibration_sums, calibration_cards, the agreement_*
// tables and decision_ready in db/schema.ts) equal to what they summarise: the triggers that recompute an
// application's rows when what they read of it changes (the statements run by a trigger on calibration_refresh),
// or, while a write defers them (a row in calibration_defer), queue it in calibration_dirty for the flush at the
// end of that write; and the set-based rebuild of every row. Migration 0020 holds the same text (a test compares them); the bench's generator
// drops the triggers while it bulk-loads and rebuilds afterwards.

/** Hours from the interview's end to submission, never below zero (no end or no submission: zero). */
import { openStages } from "../app/domain/pipeline";
import { triggerNamesOf } from "./triggers";

const HOURS = `case when s.submitted_at - i.ends_at is null then 0
    else max(0, (s.submitted_at - i.ends_at) / 3600000.0) end`;

/** One row per submitted scorecard of the applications `where` keeps: its ratings summed, its call, the outcome. */
function cardRows(where: string) {
  return `select s.id as id, s.interviewer_id as iv, i.application_id as app, a.role_id as role, s.recommendation as rec,
      case when a.stage in ('hired', 'offer') then 'positive' when a.stage = 'rejected' then 'negative' end as outcome,
      coalesce(sum(r.rating), 0) as rs, count(r.rating) as rn, count(r.scorecard_id) - count(r.rating) as na
    from interviews i
    join applications a on a.id = i.application_id
    join scorecards s on s.interview_id = i.id
    left join scorecard_ratings r on r.scorecard_id = s.id
    where s.status = 'submitted' and ${where}
    group by s.id`;
}

/** calibration_pairs' rows for the applications `where` keeps (over interviews i and applications a). */
function pairRows(where: string) {
  return `select p.app, p.iv, p.role, p.cards, p.first, p.s, p.n, p.na, p.nd, p.decided, p.agreed,
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
      from (${cardRows(where)}) group by app, iv
    ) p
    join (select app, sum(rs) as s, sum(rn) as n from (${cardRows(where)}) group by app) t on t.app = p.app`;
}

const PAIR_COLUMNS = `application_id, interviewer_id, role_id, scorecards, first_card, rating_sum, rating_count,
  not_assessed, no_decision, decided, agreed, shared, shared_sum, shared_count, co_panel_sum, co_panel_count`;
const SUM_COLUMNS = `role_id, interviewer_id, scorecards, first_card, rating_sum, rating_count, not_assessed,
  no_decision, decided, agreed, shared_applications, shared_sum, shared_count, co_panel_sum, co_panel_count`;
/** calibration_sums' figures from calibration_pairs (first_card aside): each a sum. */
const SUMMED = [
  ["scorecards", "scorecards"],
  ["rating_sum", "rating_sum"],
  ["rating_count", "rating_count"],
  ["not_assessed", "not_assessed"],
  ["no_decision", "no_decision"],
  ["decided", "decided"],
  ["agreed", "agreed"],
  ["shared_applications", "shared"],
  ["shared_sum", "shared_sum"],
  ["shared_count", "shared_count"],
  ["co_panel_sum", "co_panel_sum"],
  ["co_panel_count", "co_panel_count"],
] as const;

/** calibration_cards' rows: each submitted scorecard's hours to submit. */
function cardHours(where: string) {
  return `select s.id, i.application_id, a.role_id, s.interviewer_id, ${HOURS}
    from interviews i
    join applications a on a.id = i.application_id
    join scorecards s on s.interview_id = i.id
    where s.status = 'submitted' and ${where}`;
}

/**
 * agreement_ratings' rows: per application, area and interviewer the rating that counts, their latest 1-4 (SQLite
 * takes the bare columns from the row holding the max; the key orders by submission time, then by scorecard id).
 */
function agreementRows(where: string) {
  return `select app, area, who, role, v from (
      select i.application_id as app, r.area_key as area, s.interviewer_id as who, a.role_id as role, r.rating as v,
        max(s.submitted_at * 1000000 + s.id % 1000000) as latest
      from interviews i
      join applications a on a.id = i.application_id
      join scorecards s on s.interview_id = i.id
      join scorecard_ratings r on r.scorecard_id = s.id
      where s.status = 'submitted' and r.rating between 1 and 4 and ${where}
      group by i.application_id, r.area_key, s.interviewer_id
    )`;
}

/** The pairable units among the agreement_ratings rows `where` keeps (over agreement_ratings o): their make-up. */
function unitMakeUps(where: string) {
  return `select application_id, area_key, role_id, sum(rating = 1) as c1, sum(rating = 2) as c2,
      sum(rating = 3) as c3, sum(rating = 4) as c4
    from agreement_ratings o where ${where} group by application_id, area_key having count(*) >= 2`;
}

/**
 * The tables of counted make-ups: each is the agreement_ratings rows grouped by its key (`rating` for the
 * interviewer's own), counted in `times` (agreement_units counts units, so one row per unit, not per rating).
 */
const counted = [
  { table: "agreement_observers", key: ["role_id", "interviewer_id", "own"], perUnit: false },
  { table: "agreement_interviewers", key: ["interviewer_id", "own"], perUnit: false },
  { table: "agreement_units", key: ["role_id"], perUnit: true },
] as const;
type Counted = (typeof counted)[number];

const keyOf = (c: Counted) => [...c.key, "c1", "c2", "c3", "c4"];
const sourceOf = (column: string) =>
  column === "own" ? "o.rating" : column === "interviewer_id" ? "o.interviewer_id" : `u.${column}`;

/** A counted table's contributions of the agreement_ratings rows `where` keeps (over agreement_ratings o). */
function countedRows(c: Counted, where: string) {
  const columns = keyOf(c).map((k) => `${sourceOf(k)} as ${k}`);
  if (c.perUnit)
    return `select ${keyOf(c).join(", ")}, count(*) as k from (${unitMakeUps(where)}) u group by ${keyOf(c).join(", ")}`;
  return `select ${columns.join(", ")}, count(*) as k
    from agreement_ratings o
    join (${unitMakeUps(where)}) u on u.application_id = o.application_id and u.area_key = o.area_key
    where ${where}
    group by ${keyOf(c).map(sourceOf).join(", ")}`;
}

const OPEN_STAGES = openStages.map((stage) => `'${stage}'`).join(", ");

/**
 * decision_ready's rows for the applications `where` keeps (over applications a): open, not yet decided at their
 * stage, every panel seat of their interviews not cancelled has its scorecard submitted (at least one seat), every
 * take-home graded or waived, some evidence in; `ready_at` when the last of it came in (the rule of needsDecision
 * in app/domain/decision.ts).
 */
function decisionRows(where: string) {
  return `select a.id, a.role_id,
      case when work.last is not null and (seat.last is null or work.last > seat.last) then work.last else seat.last end,
      seat.n, work.app is not null
    from applications a
    join (
      select i.application_id as app, count(*) as n, sum(s.status = 'submitted') as done, max(s.submitted_at) as last
      from applications a
      join interviews i on i.application_id = a.id and i.cancelled_at is null
      join interview_panel p on p.interview_id = i.id
      left join scorecards s on s.interview_id = i.id and s.interviewer_id = p.user_id
      where ${where}
      group by i.application_id
    ) seat on seat.app = a.id
    left join (
      select t.application_id as app, sum(t.status not in ('graded', 'waived')) as pending, max(g.submitted_at) as last
      from applications a
      join take_homes t on t.application_id = a.id
      left join take_home_grades g on g.take_home_id = t.id and g.submitted_at is not null
      where ${where}
      group by t.application_id
    ) work on work.app = a.id
    where ${where} and a.stage in (${OPEN_STAGES}) and seat.done = seat.n and coalesce(work.pending, 0) = 0
      and (seat.last is not null or work.last is not null)
      and not exists (select 1 from decisions d where d.application_id = a.id and d.stage = a.stage)`;
}
const DECISION_COLUMNS = "application_id, role_id, ready_at, scorecards, take_home";

/** The statements recomputing application `app`'s rows (an SQL expression: `new.application_id` in the trigger). */
export function refreshStatements(app: string): string[] {
  const mine = `i.application_id = ${app}`;
  const ratingsOf = `o.application_id = ${app}`;
  return [
    // The decision queue's row.
    `delete from decision_ready where application_id = ${app}`,
    `insert into decision_ready (${DECISION_COLUMNS}) ${decisionRows(`a.id = ${app}`)}`,
    // Calibration: take the application's old pairs out of their role's sums; a least first card that goes is
    // marked (null) to be found again below.
    `update calibration_sums set ${SUMMED.map(([to, from]) => `${to} = calibration_sums.${to} - p.${from}`).join(", ")},
      first_card = case when calibration_sums.first_card = p.first_card then null else calibration_sums.first_card end
    from calibration_pairs p
    where p.application_id = ${app} and calibration_sums.role_id = p.role_id
      and calibration_sums.interviewer_id = p.interviewer_id`,
    `delete from calibration_pairs where application_id = ${app}`,
    `insert into calibration_pairs (${PAIR_COLUMNS}) ${pairRows(mine)}`,
    `insert into calibration_sums (${SUM_COLUMNS})
    select role_id, interviewer_id, scorecards, first_card, rating_sum, rating_count, not_assessed, no_decision, decided,
      agreed, shared, shared_sum, shared_count, co_panel_sum, co_panel_count
    from calibration_pairs where application_id = ${app}
    on conflict (role_id, interviewer_id) do update set
      ${SUMMED.map(([to]) => `${to} = calibration_sums.${to} + excluded.${to}`).join(", ")},
      first_card = min(calibration_sums.first_card, excluded.first_card)`,
    `update calibration_sums set first_card = (
      select min(p.first_card) from calibration_pairs p
      where p.role_id = calibration_sums.role_id and p.interviewer_id = calibration_sums.interviewer_id
    ) where first_card is null`,
    `delete from calibration_sums where first_card is null`,
    `delete from calibration_cards where application_id = ${app}`,
    `insert into calibration_cards (scorecard_id, application_id, role_id, interviewer_id, hours) ${cardHours(mine)}`,
    // Agreement: take the application's old contributions out, recompute its ratings, put the new ones in.
    ...counted.map(
      (c) => `update ${c.table} set times = ${c.table}.times - d.k from (${countedRows(c, ratingsOf)}) d
    where ${keyOf(c)
      .map((k) => `${c.table}.${k} = d.${k}`)
      .join(" and ")}`,
    ),
    // Rows that fell to nothing go (found through the keys the application's old ratings had).
    ...counted.map(
      (c) =>
        `delete from ${c.table} where times <= 0 and (${c.key.join(", ")}) in (select ${c.key
          .map((k) => (k === "own" ? "rating" : k))
          .join(", ")} from agreement_ratings o where ${ratingsOf})`,
    ),
    `delete from agreement_ratings where application_id = ${app}`,
    `insert into agreement_ratings (application_id, area_key, interviewer_id, role_id, rating) ${agreementRows(mine)}`,
    ...counted.map(
      (c) => `insert into ${c.table} (${keyOf(c).join(", ")}, times)
    select * from (${countedRows(c, ratingsOf)}) where true
    on conflict (${keyOf(c).join(", ")}) do update set times = ${c.table}.times + excluded.times`,
    ),
  ];
}

/** Every summary row recomputed from the scorecards (the migration's backfill; the bench's generator). */
export const rebuildStatements: string[] = [
  "delete from decision_ready",
  "delete from calibration_pairs",
  "delete from calibration_sums",
  "delete from calibration_cards",
  "delete from agreement_ratings",
  ...counted.map((c) => `delete from ${c.table}`),
  `insert into decision_ready (${DECISION_COLUMNS}) ${decisionRows(`a.stage in (${OPEN_STAGES})`)}`,
  `insert into calibration_pairs (${PAIR_COLUMNS}) ${pairRows("1")}`,
  `insert into calibration_sums (${SUM_COLUMNS})
  select role_id, interviewer_id, sum(scorecards), min(first_card),
    ${SUMMED.slice(1)
      .map(([, from]) => `sum(${from})`)
      .join(", ")}
  from calibration_pairs group by role_id, interviewer_id`,
  `insert into calibration_cards (scorecard_id, application_id, role_id, interviewer_id, hours) ${cardHours("1")}`,
  `insert into agreement_ratings (application_id, area_key, interviewer_id, role_id, rating) ${agreementRows("1")}`,
  ...counted.map((c) => `insert into ${c.table} (${keyOf(c).join(", ")}, times) ${countedRows(c, "1")}`),
];

/**
 * The applications `select` gives (one column, `app`) are recomputed now, or, while the writing transaction defers
 * it (a scorecard's submit rewrites its ratings row by row), queued once for the flush at its end.
 */
const queue = (select: string) =>
  `insert into calibration_dirty (application_id)
    select distinct app from (${select}) q where app is not null and exists (select 1 from calibration_defer)
      and not exists (select 1 from calibration_dirty d where d.application_id = q.app);
  insert into calibration_refresh (application_id)
    select distinct app from (${select}) q where app is not null and not exists (select 1 from calibration_defer)`;
const onCard = (card: string) =>
  queue(
    `select i.application_id as app from scorecards s join interviews i on i.id = s.interview_id where s.id = ${card}`,
  );
const onInterview = (interview: string) =>
  queue(`select application_id as app from interviews where id = ${interview}`);
const submitted = (card: string) => `(select status from scorecards where id = ${card}) = 'submitted'`;

/** The triggers: what calibration reads of an application changed, so its rows are recomputed. */
export const triggerStatements: string[] = [
  `CREATE TRIGGER calibration_refresh_application AFTER INSERT ON calibration_refresh BEGIN
  ${[...refreshStatements("new.application_id"), "delete from calibration_refresh where rowid = new.rowid"].join(";\n  ")};
END`,
  `CREATE TRIGGER scorecards_calibration_insert AFTER INSERT ON scorecards WHEN new.status = 'submitted' BEGIN
  ${onInterview("new.interview_id")};
END`,
  `CREATE TRIGGER scorecards_calibration_update
AFTER UPDATE OF id, status, interviewer_id, interview_id, recommendation, submitted_at ON scorecards
WHEN new.status = 'submitted' OR old.status = 'submitted' BEGIN
  ${onInterview("new.interview_id")};
  ${onInterview("old.interview_id")};
END`,
  `CREATE TRIGGER scorecards_calibration_delete AFTER DELETE ON scorecards WHEN old.status = 'submitted' BEGIN
  ${onInterview("old.interview_id")};
END`,
  `CREATE TRIGGER scorecard_ratings_calibration_insert AFTER INSERT ON scorecard_ratings
WHEN ${submitted("new.scorecard_id")} BEGIN
  ${onCard("new.scorecard_id")};
END`,
  `CREATE TRIGGER scorecard_ratings_calibration_update AFTER UPDATE OF scorecard_id, area_key, rating ON scorecard_ratings
WHEN ${submitted("new.scorecard_id")} OR ${submitted("old.scorecard_id")} BEGIN
  ${onCard("new.scorecard_id")};
  ${onCard("old.scorecard_id")};
END`,
  `CREATE TRIGGER scorecard_ratings_calibration_delete AFTER DELETE ON scorecard_ratings
WHEN ${submitted("old.scorecard_id")} BEGIN
  ${onCard("old.scorecard_id")};
END`,
  `CREATE TRIGGER interviews_calibration_update AFTER UPDATE OF id, application_id, ends_at ON interviews BEGIN
  ${queue("select old.application_id as app union select new.application_id")};
END`,
  `CREATE TRIGGER interviews_calibration_delete AFTER DELETE ON interviews BEGIN
  ${queue("select old.application_id as app")};
END`,
  `CREATE TRIGGER applications_calibration_update AFTER UPDATE OF id, role_id, stage ON applications BEGIN
  ${queue("select old.id as app union select new.id")};
END`,
  `CREATE TRIGGER applications_calibration_delete AFTER DELETE ON applications BEGIN
  ${queue("select old.id as app")};
END`,
];

/** The decision queue also follows panels, cancellations, take-homes, their grades and decisions. */
const decisionTriggers: string[] = [
  ...["insert", "delete"].map(
    (event) => `CREATE TRIGGER interview_panel_decision_${event} AFTER ${event.toUpperCase()} ON interview_panel BEGIN
  ${onInterview(`${event === "insert" ? "new" : "old"}.interview_id`)};
END`,
  ),
  `CREATE TRIGGER interview_panel_decision_update AFTER UPDATE ON interview_panel BEGIN
  ${onInterview("new.interview_id")};
  ${onInterview("old.interview_id")};
END`,
  `CREATE TRIGGER interviews_decision_cancel AFTER UPDATE OF cancelled_at ON interviews BEGIN
  ${queue("select new.application_id as app")};
END`,
  `CREATE TRIGGER take_homes_decision_insert AFTER INSERT ON take_homes BEGIN
  ${queue("select new.application_id as app")};
END`,
  `CREATE TRIGGER take_homes_decision_update AFTER UPDATE OF id, application_id, status ON take_homes BEGIN
  ${queue("select old.application_id as app union select new.application_id")};
END`,
  `CREATE TRIGGER take_homes_decision_delete AFTER DELETE ON take_homes BEGIN
  ${queue("select old.application_id as app")};
END`,
  `CREATE TRIGGER take_home_grades_decision_insert AFTER INSERT ON take_home_grades WHEN new.submitted_at IS NOT NULL BEGIN
  ${queue("select application_id as app from take_homes where id = new.take_home_id")};
END`,
  `CREATE TRIGGER take_home_grades_decision_update AFTER UPDATE OF take_home_id, submitted_at ON take_home_grades
WHEN new.submitted_at IS NOT NULL OR old.submitted_at IS NOT NULL BEGIN
  ${queue("select application_id as app from take_homes where id in (old.take_home_id, new.take_home_id)")};
END`,
  `CREATE TRIGGER take_home_grades_decision_delete AFTER DELETE ON take_home_grades WHEN old.submitted_at IS NOT NULL BEGIN
  ${queue("select application_id as app from take_homes where id = old.take_home_id")};
END`,
  ...["insert", "delete"].map(
    (event) => `CREATE TRIGGER decisions_decision_${event} AFTER ${event.toUpperCase()} ON decisions BEGIN
  ${queue(`select ${event === "insert" ? "new" : "old"}.application_id as app`)};
END`,
  ),
  `CREATE TRIGGER decisions_decision_update AFTER UPDATE OF application_id, stage ON decisions BEGIN
  ${queue("select old.application_id as app union select new.application_id")};
END`,
];
triggerStatements.push(...decisionTriggers);

export const triggerNames = triggerNamesOf(triggerStatements);

/** A write that defers the recomputation (several rows of one application) starts with this, in its transaction. */
export const deferStatement = "insert into calibration_defer (deferred) values (1)";

/** ...and ends with these: recompute every queued application's rows, empty the queue, stop deferring. */
export const flushStatements: string[] = [
  "delete from calibration_defer",
  "insert into calibration_refresh (application_id) select application_id from calibration_dirty order by application_id",
  "delete from calibration_dirty",
];
