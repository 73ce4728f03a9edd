// What a viewer may see of a role rollup: costs only with read:pay; compliance
// status only with read:compliance; scores only where the blind rule allows;
// anonymous-grading aliases for graders.
import { holds, scopesFor } from "~/domain/policy";
import type { TeamRole, UserKind } from "~/domain/reference";
import { getPanelProgressOnRole } from "./feedback.server";
import { getMask, getShownName } from "./masking.server";
import { isRoleBlind } from "./role.server";
import { cachedDerived } from "~/utils/cache.server";
import { isOpenStage, OPEN_STAGES, roleAgeText, stageLabels, stages } from "~/domain/pipeline";
import { applicationEngagementLabels, type ApplicationEngagement } from "~/domain/reference";
import {
  hiddenScoresLabels,
  KNOCKOUT_BELOW,
  recommendationLabels,
  recommendations,
  mustPassNote,
  ratingsByInterviewer,
  thinEvidenceNote,
  type HiddenScores,
} from "~/domain/scorecard";
import { agreementExplanation } from "~/domain/agreement";
import { isCheckProblem, missingCheckText } from "~/domain/compliance";
import { coversText, WORK_HOURS_PER_YEAR } from "~/domain/cost";
import { vettingConcern, vettingCountsText, vettingGlanceText } from "~/domain/agency";
import { compareCell, MAX_COMPARE, MIN_COMPARE, weightedAsNote } from "~/domain/compare";
import { takeHomeFacts, takeHomeFactText, takeHomeProgress, takeHomeStatusLabels } from "~/domain/take-home";
import { getComparison } from "./compare.server";
import { getRoleRollup, ROLLUP_MAX_AGE_MS, type RoleRollup } from "./rollup.server";
import { agenciesVersion } from "./agency.server";
import { sortRows, type SortValue } from "~/domain/sort";

export function getRollupForViewer(
  rollup: RoleRollup,
  viewer: { id: number; kind: UserKind },
  teamRole: TeamRole | null,
) {
  const seesCost = holds(viewer.kind, "read:pay", teamRole);
  const seesCompliance = holds(viewer.kind, "read:compliance", teamRole);
  // An agency's vetting is for those who may read agencies; its markup reaches only those who see cost.
  const seesAgencies = holds(viewer.kind, "read:agency", teamRole);
  const seesAllScores =
    scopesFor(viewer.kind, "read:application").includes("any") ||
    teamRole === "hiring_manager" ||
    !isRoleBlind(rollup.role.id);
  const panel = seesAllScores ? null : getPanelProgressOnRole(viewer.id, rollup.role.id);
  const mask = getMask(viewer.id);
  // Field by field rather than with spreads: this runs over every row of a big role on each request.
  const rows = rollup.rows.map((row, i) => {
    const masked = mask.applicationIds.has(row.id);
    const hideScores: HiddenScores | null = masked
      ? "grading"
      : panel === null || panel.scored.has(row.id)
        ? null
        : panel.pending.has(row.id)
          ? "pending"
          : "blind";
    return {
      id: masked ? -(i + 1) : row.id,
      name: getShownName(mask, row.id, row.name),
      stage: row.stage,
      engagement: row.engagement,
      // Who placed an anonymous candidate could point at them: not shown behind an alias.
      agency: masked || !row.agency ? null : agencyView(row.agency, seesAgencies ? rollup.agencies : null),
      availableFrom: row.availableFrom,
      missingChecks: seesCompliance ? row.missingChecks : null,
      scorecards: row.scorecards,
      masked,
      scoresHidden: hideScores,
      weightedTotal: hideScores ? null : row.weightedTotal,
      areas: hideScores ? {} : row.areas,
      maxSpread: hideScores ? null : row.maxSpread,
      mustPass: hideScores ? null : row.mustPass,
      tally: hideScores ? {} : row.tally,
      takeHome: hideScores ? null : row.takeHome,
      // The outcome and date are the application's, like its stage; whether it went against the total is a score.
      decision:
        masked || !row.decision
          ? null
          : {
              outcome: row.decision.outcome,
              decidedAt: row.decision.decidedAt,
              againstTotal: hideScores ? false : row.decision.againstTotal,
            },
      // Cost follows pay, which could point at the person behind an alias.
      cost: seesCost && !masked ? row.cost : null,
    };
  });
  return {
    role: rollup.role,
    template: rollup.template,
    age: rollup.age,
    funnel: rollup.funnel,
    scorecardsDue: rollup.scorecardsDue,
    scorecardsSubmitted: rollup.scorecardsSubmitted,
    agreement: rollup.agreement,
    rows,
    assumptions: seesCost ? rollup.assumptions : null,
    seesCost,
    seesCompliance,
    seesAgencies,
  };
}

/** The agency on a row: its name and whether it bids or placed the person; its vetting only for those who may read it. */
function agencyView(agency: NonNullable<RoleRollup["rows"][number]["agency"]>, glances: RoleRollup["agencies"] | null) {
  const g = glances?.[agency.id];
  return {
    id: agency.id,
    name: agency.name,
    relation: agency.relation,
    vetting: g
      ? {
          ...g.vetting,
          offersHandover: g.offersHandover,
          writtenAcceptanceCriteria: g.writtenAcceptanceCriteria,
          counts: vettingCountsText(g),
          text: vettingGlanceText(g),
          concern: vettingConcern(g),
        }
      : null,
  };
}

export const ROWS_PER_PAGE = 20;
export const rollupSorts = ["total", "name", "stage", "spread", "cost", "scorecards"] as const;
export type RollupQuery = {
  stage: string;
  engagement: string;
  sort: (typeof rollupSorts)[number];
  dir: "asc" | "desc";
  page: number;
};

export function parseRollupQuery(url: URL): RollupQuery {
  const q = url.searchParams;
  const sort = rollupSorts.find((s) => s === q.get("sort")) ?? "total";
  return {
    stage: q.get("stage") ?? "",
    engagement: q.get("engagement") ?? "",
    sort,
    dir: q.get("dir") === "asc" ? "asc" : "desc",
    page: Math.max(1, Math.floor(Number(q.get("page"))) || 1),
  };
}

/**
 * One page of a role's rollup as a viewer sees it: filtered, sorted over every
 * row on what this viewer may see (a hidden score sorts as no score), then
 * trimmed to what the table shows, with the words the page prints. Cached per
 * viewer and query like the rollup.
 */
export function getRollupPage(
  roleId: number,
  viewer: { id: number; kind: UserKind },
  teamRole: TeamRole | null,
  query: RollupQuery,
) {
  const key = `rollup-page:${roleId}:${agenciesVersion()}:${viewer.id}:${viewer.kind}:${teamRole}:${query.stage}:${query.engagement}:${query.sort}:${query.dir}:${query.page}`;
  return cachedDerived(key, { maxAgeMs: ROLLUP_MAX_AGE_MS, roleId }, () => {
    const rollup = getRoleRollup(roleId);
    if (!rollup) return null;
    const view = getRollupForViewer(rollup, viewer, teamRole);
    const rows = sortRows(view.rows.filter(inFilter(query)), sortKeyFor(query.sort), query.dir === "asc" ? 1 : -1);
    const pageCount = Math.max(1, Math.ceil(rows.length / ROWS_PER_PAGE));
    const page = Math.min(query.page, pageCount);
    return {
      role: view.role,
      age: view.age,
      ageText: roleAgeText(view.age),
      // Past the usual time to hire while still open: the age reads as a warning.
      ageOverdue: view.age.phase === "open" && view.age.norm === "past",
      funnel: view.funnel.map(funnelRowView),
      scorecardsDue: view.scorecardsDue,
      scorecardsSubmitted: view.scorecardsSubmitted,
      agreement: view.agreement,
      agreementExplanation,
      assumptions: view.assumptions,
      seesCost: view.seesCost,
      seesCompliance: view.seesCompliance,
      seesAgencies: view.seesAgencies,
      // Only what the table shows: the cost breakdown and the per-area detail are on the comparison.
      rows: rows
        .slice((page - 1) * ROWS_PER_PAGE, page * ROWS_PER_PAGE)
        .map((r) => rollupTableRow(r, view.assumptions?.expectedHours ?? null)),
      rowCount: rows.length,
      perPage: ROWS_PER_PAGE,
      page,
      pageCount,
      filter: { stage: query.stage, engagement: query.engagement, sort: query.sort, dir: query.dir },
      filterOptions,
      compareLimits: { min: MIN_COMPARE, max: MAX_COMPARE },
      knockoutBelow: KNOCKOUT_BELOW,
      roleAverages: roleAreaAverages(view),
      areas: view.template.areas.map((a) => ({ key: a.key, name: a.name, weight: a.weight, knockout: a.knockout })),
    };
  });
}

export type RollupPage = NonNullable<ReturnType<typeof getRollupPage>>;
type ViewerRow = ReturnType<typeof getRollupForViewer>["rows"][number];

/** The choices of the rollup's filters: every stage (and all open ones), every engagement. */
const filterOptions = {
  openStages: OPEN_STAGES,
  stages: stages.map((s) => ({ value: s, label: stageLabels[s] })),
  engagements: Object.entries(applicationEngagementLabels).map(([value, label]) => ({ value, label })),
};

const inFilter = (query: RollupQuery) => (r: ViewerRow) =>
  (!query.stage || (query.stage === OPEN_STAGES ? isOpenStage(r.stage) : r.stage === query.stage)) &&
  (!query.engagement || r.engagement === query.engagement);

const stageOrder = (s: string) => stages.indexOf(s as (typeof stages)[number]);

/** A blank cell ("—", a cost with no figure, a score this viewer may not see) has no value: it sorts last either way. */
const sortKeyFor =
  (sort: RollupQuery["sort"]) =>
  (r: ViewerRow): SortValue => {
    if (sort === "name") return r.name;
    if (sort === "stage") return stageOrder(r.stage);
    if (sort === "spread") return r.maxSpread;
    if (sort === "cost") return r.cost?.total ?? null;
    return sort === "scorecards" ? r.scorecards : r.weightedTotal;
  };

/** Each area's average over the scored candidates this viewer may see, to two decimals. */
function roleAreaAverages(view: ReturnType<typeof getRollupForViewer>) {
  const scored = view.rows.filter((r) => r.weightedTotal !== null);
  return Object.fromEntries(
    view.template.areas.map((a) => {
      const xs = scored.map((r) => r.areas[a.key]?.average).filter((v): v is number => v !== null && v !== undefined);
      return [a.key, xs.length ? Math.round((xs.reduce((p, q) => p + q, 0) / xs.length) * 100) / 100 : null];
    }),
  );
}

function funnelRowView(f: RoleRollup["funnel"][number]) {
  return {
    ...f,
    label: stageLabels[f.stage],
    passThroughText: f.passThrough === null ? "—" : `${Math.round(f.passThrough * 100)}%`,
  };
}

/** One row of the rollup's table: the figures it shows and their words. */
function rollupTableRow(r: ViewerRow, expectedHours: number | null) {
  const problem = r.missingChecks?.some(isCheckProblem) ?? false;
  return {
    id: r.id,
    name: r.name,
    masked: r.masked,
    engagement: r.engagement,
    engagementLabel: applicationEngagementLabels[r.engagement as ApplicationEngagement] ?? r.engagement,
    agency: r.agency,
    stage: r.stage,
    scoresHidden: r.scoresHidden,
    scoresHiddenText: r.scoresHidden ? hiddenScoresLabels[r.scoresHidden] : null,
    weightedTotal: r.weightedTotal,
    thinEvidence: !r.scoresHidden && r.weightedTotal !== null ? thinEvidenceNote(r.scorecards) : null,
    // Must-pass questions the total alone does not answer: an area under the bar, or one nobody assessed.
    areas: Object.fromEntries(
      Object.entries(r.areas).map(([k, a]) => [
        k,
        {
          average: a.average,
          split: a.spread !== null && a.spread >= 2,
          below: r.mustPass?.below.includes(k) ?? false,
          unassessed: r.mustPass?.unassessed.includes(k) ?? false,
        },
      ]),
    ),
    mustPassBelow: (r.mustPass?.below.length ?? 0) > 0,
    maxSpread: r.maxSpread,
    scorecards: r.scorecards,
    tally: r.tally,
    recommendationsText:
      recommendations
        .filter((k) => r.tally[k])
        .map((k) => `${r.tally[k]} ${recommendationLabels[k].toLowerCase()}`)
        .join("\n") || "—",
    takeHome: r.takeHome,
    takeHomeText: r.takeHome
      ? r.takeHome.overall !== null
        ? `${r.takeHome.overall} / 4`
        : takeHomeStatusLabels[r.takeHome.status]
      : "—",
    decision: r.decision,
    missingChecks: r.missingChecks,
    // Red when a check failed or lapsed, not just paperwork under way; the list says which.
    checksProblem: problem,
    missingChecksText: r.missingChecks?.map(missingCheckText).join(", ") ?? null,
    cost: r.cost
      ? { total: r.cost.total, missing: r.cost.missing, covers: r.cost.covers, pricedAs: r.cost.pricedAs ?? null }
      : null,
    // Only for those shown cost: nothing about it reaches anyone else's page, not even an empty key.
    ...(r.cost
      ? {
          costCovers:
            r.cost.covers && expectedHours !== null ? coversText(r.cost.covers, expectedHours, "short") : null,
        }
      : {}),
  };
}

/**
 * The comparison as the page shows it: the applications side by side, each with the words its cells print,
 * and what is wrong with the pick, if anything (too few, too many).
 */
export function getComparisonPage(input: Parameters<typeof getComparison>[0]) {
  const result = getComparison(input);
  if (!result) return null;
  const expectedHours = result.assumptions?.expectedHours ?? null;
  const problem =
    result.candidates.length < MIN_COMPARE
      ? `Pick at least ${MIN_COMPARE} applications of this role to compare.`
      : result.tooMany
        ? `Compare at most ${MAX_COMPARE} at a time: the first ${MAX_COMPARE} you picked are shown.`
        : null;
  return {
    ...result,
    candidates: result.candidates.map((c) => ({ ...c, shown: comparedTexts(c, result.areas, expectedHours) })),
    problem,
    fullYearHours: WORK_HOURS_PER_YEAR,
  };
}

type Compared = NonNullable<ReturnType<typeof getComparison>>["candidates"][number];

/** What one compared application's cells say on the page. */
function comparedTexts(c: Compared, areas: { key: string; weight: number }[], expectedHours: number | null) {
  const hidden = c.scoresHidden ? hiddenScoresLabels[c.scoresHidden] : null;
  const { arithmetic } = c.summary;
  return {
    hidden,
    engagement: applicationEngagementLabels[c.engagement as ApplicationEngagement] ?? c.engagement,
    cells: Object.fromEntries(areas.map((a) => [a.key, compareCellView(c, a)])),
    thinEvidence: c.summary.weightedTotal !== null ? thinEvidenceNote(c.summary.scorecards) : null,
    arithmetic: `(${arithmetic.counted.map((k) => `${k.weight}×${k.average}`).join(" + ")}) / ${arithmetic.weightSum}`,
    leftOut: arithmetic.leftOut.map((l) => l.name).join(", "),
    knockouts: c.summary.knockouts.join(", "),
    mustPassNote: mustPassNote(c.summary),
    recommendations:
      recommendations
        .filter((r) => c.summary.tally[r])
        .map((r) => `${c.summary.tally[r]} ${recommendationLabels[r].toLowerCase()}`)
        .join(", ") || "—",
    takeHomeProgress: c.takeHome
      ? takeHomeProgress(c.takeHome.status, c.takeHome.result.graders, c.takeHome.graders)
      : null,
    takeHomeFacts: c.takeHome
      ? takeHomeFacts(c.takeHome.result).map((f) => ({
          key: f.key,
          label: f.label,
          text: takeHomeFactText(f),
          broken: f.broken,
        }))
      : [],
    takeaways: c.words?.cards.map((k) => ({ ...k, recommendationLabel: recommendationLabels[k.recommendation] })) ?? [],
    missingChecks: c.missingChecks?.map(missingCheckText).join(", ") ?? null,
    ...(c.cost
      ? { costCovers: c.cost.covers && expectedHours !== null ? coversText(c.cost.covers, expectedHours) : null }
      : {}),
  };
}

/** One area's cell for one application: a note when there is no rating to show, else its figures and words. */
function compareCellView(c: Compared, area: { key: string; weight: number }) {
  const cell = compareCell(c, area);
  if (cell.kind === "note") return { kind: "note" as const, text: cell.text };
  const s = cell.area;
  return {
    kind: "rated" as const,
    average: s.average,
    min: s.min,
    max: s.max,
    disagreement: s.disagreement,
    knockoutFlag: s.knockoutFlag,
    notAssessed: s.notAssessed,
    ratings: ratingsByInterviewer(s.ratings).join(" · "),
    weightedAs: cell.weightedAs !== null ? weightedAsNote(cell.weightedAs) : null,
  };
}
