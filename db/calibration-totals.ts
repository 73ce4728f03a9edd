// The SQL that keeps the company-wide summary rows (calibration_totals and agreement_unit_totals in db/schema.ts)
// equal to the per-role rows they add up (calibration_sums and agreement_units, themselves kept by
// db/calibration-summaries.ts): triggers on those tables move the totals by each row's difference, in the same
// writing transaction; and the set-based rebuild of every total. Migration 0022 holds the same text (a test compares
// them); the bench's generator drops the triggers while it bulk-loads and rebuilds afterwards.
import { createTrigger, triggerNamesOf } from "./triggers";

/** calibration_sums' figures summed into calibration_totals (first_card aside: the least, looked up again). */
const SUMMED = [
  "scorecards",
  "rating_sum",
  "rating_count",
  "not_assessed",
  "no_decision",
  "decided",
  "agreed",
  "shared_applications",
  "shared_sum",
  "shared_count",
  "co_panel_sum",
  "co_panel_count",
] as const;

const MAKE_UP = ["c1", "c2", "c3", "c4"] as const;

/** The least first scorecard of an interviewer over their roles (an index seek on calibration_sums). */
const leastFirstCard = (who: string) => `(select min(first_card) from calibration_sums where interviewer_id = ${who})`;

/** Add (sign +) or take out (sign -) one calibration_sums row (`new` or `old`) in its interviewer's total. */
function moveTotal(row: "new" | "old", sign: "+" | "-"): string[] {
  return [
    `insert into calibration_totals (interviewer_id, first_card, ${SUMMED.join(", ")})
    values (${row}.interviewer_id, ${leastFirstCard(`${row}.interviewer_id`)}, ${SUMMED.map((c) => `${sign}${row}.${c}`).join(", ")})
    on conflict (interviewer_id) do update set
      ${SUMMED.map((c) => `${c} = calibration_totals.${c} + excluded.${c}`).join(", ")},
      first_card = excluded.first_card`,
    // An interviewer with no row left on any role has no total (as a rebuild would find).
    `delete from calibration_totals where interviewer_id = ${row}.interviewer_id
      and not exists (select 1 from calibration_sums where interviewer_id = ${row}.interviewer_id)`,
  ];
}

/** Add or take out one agreement_units row in its make-up's total; a total that falls to nothing goes. */
function moveUnits(row: "new" | "old", sign: "+" | "-"): string[] {
  const same = MAKE_UP.map((c) => `${c} = ${row}.${c}`).join(" and ");
  return [
    `insert into agreement_unit_totals (${MAKE_UP.join(", ")}, times)
    values (${MAKE_UP.map((c) => `${row}.${c}`).join(", ")}, ${sign}${row}.times)
    on conflict (${MAKE_UP.join(", ")}) do update set times = agreement_unit_totals.times + excluded.times`,
    `delete from agreement_unit_totals where ${same} and times <= 0`,
  ];
}

/** The triggers: a per-role row that changes moves its company-wide total by the difference. */
export const totalsTriggerStatements: string[] = [
  createTrigger("calibration_sums_totals_insert", "INSERT", "calibration_sums", moveTotal("new", "+")),
  createTrigger("calibration_sums_totals_update", "UPDATE", "calibration_sums", [
    ...moveTotal("old", "-"),
    ...moveTotal("new", "+"),
  ]),
  createTrigger("calibration_sums_totals_delete", "DELETE", "calibration_sums", moveTotal("old", "-")),
  createTrigger("agreement_units_totals_insert", "INSERT", "agreement_units", moveUnits("new", "+")),
  createTrigger("agreement_units_totals_update", "UPDATE", "agreement_units", [
    ...moveUnits("old", "-"),
    ...moveUnits("new", "+"),
  ]),
  createTrigger("agreement_units_totals_delete", "DELETE", "agreement_units", moveUnits("old", "-")),
];

export const totalsTriggerNames = triggerNamesOf(totalsTriggerStatements);

/** Every total recomputed from the per-role rows (the migration's backfill; the bench's generator; the tests). */
export const totalsRebuildStatements: string[] = [
  "delete from calibration_totals",
  "delete from agreement_unit_totals",
  `insert into calibration_totals (interviewer_id, first_card, ${SUMMED.join(", ")})
  select interviewer_id, min(first_card), ${SUMMED.map((c) => `sum(${c})`).join(", ")}
  from calibration_sums group by interviewer_id`,
  `insert into agreement_unit_totals (${MAKE_UP.join(", ")}, times)
  select ${MAKE_UP.join(", ")}, sum(times) from agreement_units group by ${MAKE_UP.join(", ")} having sum(times) > 0`,
];
