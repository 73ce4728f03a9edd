// The SQL that keeps the HR board's totals (board_role_totals and board_key_totals in db/schema.ts) equal to the
// counters they add up (board_counts, kept by db/board-summaries.ts): triggers on board_counts move the totals by
// each row's difference, in the same writing transaction; and the set-based rebuild of every total. A company-wide
// view then reads one row per key and stage, and the roles leading the summary are read along an index, instead of
// summing every role's counters on each request. Migration 0023 holds the same text (a test compares them); the
// bench's generator drops the triggers while it bulk-loads and rebuilds afterwards.
import { isFinalist, openStages } from "../app/domain/pipeline";
import { createTrigger, triggerNamesOf } from "./triggers";

const FINALIST_STAGES = openStages
  .filter(isFinalist)
  .map((s) => `'${s}'`)
  .join(", ");

/** What one board_counts row (`new` or `old`) adds to its role's totals: open, finalists, finalists' missing. */
function roleParts(r: string): [string, string, string] {
  const finalist = `${r}.stage in (${FINALIST_STAGES})`;
  return [
    `case when ${r}.key = 'open' then ${r}.n else 0 end`,
    `case when ${r}.key = 'open' and ${finalist} then ${r}.n else 0 end`,
    // A required check's own "missing" key; "*:missing" counts applications, not checks.
    `case when ${r}.key like '%:missing' and ${r}.key <> '*:missing' and ${finalist} then ${r}.n else 0 end`,
  ];
}

/** Add (sign +) or take out (sign -) one board_counts row in its role's and its key's totals. */
function move(r: "new" | "old", sign: "+" | "-"): string[] {
  const [open, finalists, missing] = roleParts(r);
  return [
    `insert into board_role_totals (role_id, open, finalists, missing)
    select ${r}.role_id, ${sign}(${open}), ${sign}(${finalists}), ${sign}(${missing}) where ${open} <> 0 or ${missing} <> 0
    on conflict (role_id) do update set open = board_role_totals.open + excluded.open,
      finalists = board_role_totals.finalists + excluded.finalists, missing = board_role_totals.missing + excluded.missing`,
    `insert into board_key_totals (key, stage, n, flagged) select ${r}.key, ${r}.stage, ${sign}${r}.n, ${sign}${r}.flagged
    where ${r}.n <> 0 or ${r}.flagged <> 0
    on conflict (key, stage) do update set n = board_key_totals.n + excluded.n,
      flagged = board_key_totals.flagged + excluded.flagged`,
  ];
}

/** Totals that a move brought to nothing go (as a rebuild would find), once every move of the row is made. */
const tidy = (r: "new" | "old") => [
  `delete from board_role_totals where role_id = ${r}.role_id and open = 0 and finalists = 0 and missing = 0`,
  `delete from board_key_totals where key = ${r}.key and stage = ${r}.stage and n = 0 and flagged = 0`,
];

const trigger = (name: string, event: string, body: string[]) => createTrigger(name, event, "board_counts", body);

/** The triggers: a counter that changes moves its role's and its key's totals by the difference. */
export const totalsTriggerStatements: string[] = [
  trigger("board_counts_totals_insert", "INSERT", [...move("new", "+"), ...tidy("new")]),
  trigger("board_counts_totals_update", "UPDATE", [
    ...move("old", "-"),
    ...move("new", "+"),
    ...tidy("old"),
    ...tidy("new"),
  ]),
  trigger("board_counts_totals_delete", "DELETE", [...move("old", "-"), ...tidy("old")]),
];

export const totalsTriggerNames = triggerNamesOf(totalsTriggerStatements);

const [open, finalists, missing] = roleParts("c");

/** Every total recomputed from the counters (the migration's backfill; the bench's generator; the tests). */
export const totalsRebuildStatements: string[] = [
  "delete from board_role_totals",
  "delete from board_key_totals",
  `insert into board_role_totals (role_id, open, finalists, missing)
  select c.role_id, sum(${open}), sum(${finalists}), sum(${missing}) from board_counts c
  group by c.role_id having sum(${open}) <> 0 or sum(${missing}) <> 0`,
  `insert into board_key_totals (key, stage, n, flagged)
  select c.key, c.stage, sum(c.n), sum(c.flagged) from board_counts c group by c.key, c.stage having sum(c.n) <> 0 or sum(c.flagged) <> 0`,
];
