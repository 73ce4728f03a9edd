// What a viewer may see of a role rollup: costs only with read:pay; compliance
// status only with read:compliance; scores only where the blind rule allows;
// anonymous-grading aliases for graders.
import { holds, scopesFor } from "~/domain/policy";
import type { TeamRole, UserKind } from "~/domain/reference";
import type { HiddenScores } from "~/domain/scorecard";
import { panelProgressOnRole } from "./feedback.server";
import { maskFor, shownName } from "./masking.server";
import { roleBlind } from "./role.server";
import { cachedDerived } from "~/utils/cache.server";
import { isOpenStage, OPEN_STAGES, stages, type Stage } from "~/domain/pipeline";
import { roleRollup, ROLLUP_MAX_AGE_MS, type RoleRollup } from "./rollup.server";
import { sortRows, type SortValue } from "~/domain/sort";

export function rollupForViewer(rollup: RoleRollup, viewer: { id: number; kind: UserKind }, teamRole: TeamRole | null) {
  const seesCost = holds(viewer.kind, "read:pay", teamRole);
  const seesCompliance = holds(viewer.kind, "read:compliance", teamRole);
  const seesAllScores =
    scopesFor(viewer.kind, "read:application").includes("any") ||
    teamRole === "hiring_manager" ||
    !roleBlind(rollup.role.id);
  const panel = seesAllScores ? null : panelProgressOnRole(viewer.id, rollup.role.id);
  const mask = maskFor(viewer.id);
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
      name: shownName(mask, row.id, row.name),
      stage: row.stage,
      engagement: row.engagement,
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
 * trimmed to what the table shows. Cached per viewer and query like the rollup.
 */
export function rollupPage(
  roleId: number,
  viewer: { id: number; kind: UserKind },
  teamRole: TeamRole | null,
  query: RollupQuery,
) {
  const key = `rollup-page:${roleId}:${viewer.id}:${viewer.kind}:${teamRole}:${query.stage}:${query.engagement}:${query.sort}:${query.dir}:${query.page}`;
  return cachedDerived(key, { maxAgeMs: ROLLUP_MAX_AGE_MS, roleId }, () => {
    const rollup = roleRollup(roleId);
    if (!rollup) return null;
    const view = rollupForViewer(rollup, viewer, teamRole);
    const { sort } = query;
    const dir = query.dir === "asc" ? 1 : -1;
    const stageOrder = (s: string) => stages.indexOf(s as (typeof stages)[number]);
    // A blank cell ("—", a cost with no figure, a score this viewer may not see) has no value: it sorts last either way.
    const sortKey = (r: (typeof view.rows)[number]): SortValue => {
      if (sort === "name") return r.name;
      if (sort === "stage") return stageOrder(r.stage);
      if (sort === "spread") return r.maxSpread;
      if (sort === "cost") return r.cost?.total ?? null;
      return sort === "scorecards" ? r.scorecards : r.weightedTotal;
    };
    const inStage = (stage: Stage) =>
      !query.stage || (query.stage === OPEN_STAGES ? isOpenStage(stage) : stage === query.stage);
    const shown = view.rows.filter((r) => inStage(r.stage) && (!query.engagement || r.engagement === query.engagement));
    const rows = sortRows(shown, sortKey, dir);
    const scored = view.rows.filter((r) => r.weightedTotal !== null);
    const roleAverages = Object.fromEntries(
      view.template.areas.map((a) => {
        const xs = scored.map((r) => r.areas[a.key]?.average).filter((v): v is number => v !== null && v !== undefined);
        return [a.key, xs.length ? Math.round((xs.reduce((p, q) => p + q, 0) / xs.length) * 100) / 100 : null];
      }),
    );
    const pageCount = Math.max(1, Math.ceil(rows.length / ROWS_PER_PAGE));
    const page = Math.min(query.page, pageCount);
    return {
      role: view.role,
      age: view.age,
      funnel: view.funnel,
      scorecardsDue: view.scorecardsDue,
      scorecardsSubmitted: view.scorecardsSubmitted,
      agreement: view.agreement,
      assumptions: view.assumptions,
      seesCost: view.seesCost,
      seesCompliance: view.seesCompliance,
      // Only what the table shows: the cost breakdown and the per-area detail are on the comparison.
      rows: rows.slice((page - 1) * ROWS_PER_PAGE, page * ROWS_PER_PAGE).map((r) => ({
        id: r.id,
        name: r.name,
        masked: r.masked,
        engagement: r.engagement,
        stage: r.stage,
        scoresHidden: r.scoresHidden,
        weightedTotal: r.weightedTotal,
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
        takeHome: r.takeHome,
        decision: r.decision,
        missingChecks: r.missingChecks,
        cost: r.cost ? { total: r.cost.total, missing: r.cost.missing, covers: r.cost.covers } : null,
      })),
      rowCount: rows.length,
      perPage: ROWS_PER_PAGE,
      page,
      pageCount,
      filter: { stage: query.stage, engagement: query.engagement, sort, dir: query.dir },
      roleAverages,
      areas: view.template.areas.map((a) => ({ key: a.key, name: a.name, weight: a.weight, knockout: a.knockout })),
    };
  });
}
