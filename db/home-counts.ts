// The SQL that keeps the home page's counts (role_stage_counts, open_stage_days and row_counts in db/schema.ts)
// equal to the rows they count: triggers on applications, decision_ready, candidates and agency submissions move them by each row's difference,
// in the same writing transaction, from any connection; and the set-based rebuild of every count. After another
// connection writes, a count then reads a few pages of a small table instead of every entry of an index.
// Migration 0024 holds the same text (a test compares them); the bench's generator drops the triggers while it
// bulk-loads and rebuilds afterwards.
import { briefIncompleteSql } from "../app/domain/brief";
import { openStages } from "../app/domain/pipeline";
import { createTrigger, triggerNamesOf } from "./triggers";

const OPEN_STAGES = openStages.map((s) => `'${s}'`).join(", ");

/** The day (UTC, days since 1970) of a stage_changed_at in milliseconds. */
export const DAY_OF = (ms: string) => `(${ms} / 86400000)`;

/** Count one application row (`new` or `old`) in (sign +) or out (sign -). */
function moveApplication(r: "new" | "old", sign: "+" | "-"): string[] {
  const upsert = (table: string, columns: string, values: string, key: string, where = "true") =>
    `insert into ${table} (${columns}, n) select ${values}, ${sign}1 where ${where}
    on conflict (${key}) do update set n = ${table}.n + excluded.n`;
  return [
    upsert("role_stage_counts", "role_id, stage", `${r}.role_id, ${r}.stage`, "role_id, stage"),
    upsert("open_stage_days", "day", DAY_OF(`${r}.stage_changed_at`), "day", `${r}.stage in (${OPEN_STAGES})`),
  ];
}

/** Counts a move brought to nothing go (as a rebuild would find), once every move of the row is made. */
const tidyApplication = (r: "new" | "old") => [
  `delete from role_stage_counts where role_id = ${r}.role_id and stage = ${r}.stage and n = 0`,
  `delete from open_stage_days where day = ${DAY_OF(`${r}.stage_changed_at`)} and n = 0`,
];

/** The rows of row_counts, by the tables they count: each table's key, which of its rows count, what moves them. */
const counted = [
  { table: "decision_ready", key: (_r: string) => "0", where: (_r: string) => "true", moves: null },
  { table: "candidates", key: (_r: string) => "0", where: (_r: string) => "true", moves: null },
  // Per agency, the submissions that count (the agencies list's "candidates submitted").
  {
    table: "agency_submissions",
    key: (r: string) => `${r}.agency_id`,
    where: (r: string) => `${r}.counts`,
    moves: "agency_id, counts",
  },
];

/** Count one row (`new` or `old`) of a counted table in (sign +) or out (sign -) of row_counts. */
const countRow = ({ table, key, where }: (typeof counted)[number], r: "new" | "old", sign: "+" | "-") =>
  `insert into row_counts (name, key, n) select '${table}', ${key(r)}, ${sign}1 where ${where(r)}
    on conflict (name, key) do update set n = row_counts.n + excluded.n`;

/** A count a move brought to nothing goes (as a rebuild would find). */
const tidyRow = ({ table, key }: (typeof counted)[number], r: "new" | "old") =>
  `delete from row_counts where name = '${table}' and key = ${key(r)} and n = 0`;

export const countTriggerStatements: string[] = [
  createTrigger("applications_counts_insert", "INSERT", "applications", [
    ...moveApplication("new", "+"),
    ...tidyApplication("new"),
  ]),
  createTrigger("applications_counts_update", "UPDATE OF role_id, stage, stage_changed_at", "applications", [
    ...moveApplication("old", "-"),
    ...moveApplication("new", "+"),
    ...tidyApplication("old"),
    ...tidyApplication("new"),
  ]),
  createTrigger("applications_counts_delete", "DELETE", "applications", [
    ...moveApplication("old", "-"),
    ...tidyApplication("old"),
  ]),
  ...counted.flatMap((c) => [
    createTrigger(`${c.table}_counts_insert`, "INSERT", c.table, [countRow(c, "new", "+"), tidyRow(c, "new")]),
    createTrigger(`${c.table}_counts_delete`, "DELETE", c.table, [countRow(c, "old", "-"), tidyRow(c, "old")]),
    ...(c.moves
      ? [
          createTrigger(`${c.table}_counts_update`, `UPDATE OF ${c.moves}`, c.table, [
            countRow(c, "old", "-"),
            countRow(c, "new", "+"),
            tidyRow(c, "old"),
            tidyRow(c, "new"),
          ]),
        ]
      : []),
  ]),
];

export const countTriggerNames = triggerNamesOf(countTriggerStatements);

/**
 * The home page's figures over the active roles (how many, open, headcount, briefs incomplete) read from this index
 * alone, not from the roles' rows and their long briefs. Not in db/schema.ts: drizzle-kit cannot write an index on
 * this expression.
 */
export const homeFiguresIndex = `CREATE INDEX roles_home_figures_idx ON roles (status, headcount, (${briefIncompleteSql()}))`;

/** Every count recomputed from the rows (the migration's backfill; the bench's generator; the tests). */
export const countRebuildStatements: string[] = [
  "delete from role_stage_counts",
  "delete from open_stage_days",
  "delete from row_counts",
  `insert into role_stage_counts (role_id, stage, n) select role_id, stage, count(*) from applications
  group by role_id, stage`,
  `insert into open_stage_days (day, n) select ${DAY_OF("stage_changed_at")}, count(*) from applications
  where stage in (${OPEN_STAGES}) group by 1`,
  ...counted.map(
    ({ table, key, where }) =>
      `insert into row_counts (name, key, n) select '${table}', ${key("t")}, count(*) from ${table} t where ${where("t")}
  group by 2`,
  ),
];
