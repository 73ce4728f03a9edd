// Side-by-side comparison of 2 to 6 applications of one role, built from the
// rollup (the same figures) plus each scorecard's individual ratings.
import { and, eq, inArray } from "drizzle-orm";
import type { TeamRole, UserKind } from "~/domain/reference";
import { getDb, schema } from "~/utils/db.server";
import { getComparisonWords } from "./debrief.server";
import { canSeeAllScorecards, summarizeSubmitted } from "./feedback.server";
import { getRoleRollup } from "./rollup.server";
import { getRollupForViewer } from "./rollup-view.server";
import { listScorecardsForApplication } from "./scorecard.server";
import { listTakeHomesForApplication } from "./take-home.server";
import { takeHomeResult } from "~/domain/take-home";

import { MAX_COMPARE } from "~/domain/compare";
import { notLikeForLike } from "~/domain/cost";

export function parseCompareIds(url: URL): number[] {
  const raw = url.searchParams.getAll("ids").flatMap((v) => v.split(","));
  return [...new Set(raw.map(Number).filter((n) => Number.isInteger(n) && n > 0))];
}

export function getComparison(input: {
  roleId: number;
  ids: number[];
  viewer: { id: number; kind: UserKind };
  teamRole: TeamRole | null;
}) {
  const rollup = getRoleRollup(input.roleId);
  if (!rollup) return null;
  const view = getRollupForViewer(rollup, input.viewer, input.teamRole);
  // Only applications of this role, and never one the viewer grades anonymously.
  const onRole = new Set(
    getDb()
      .select({ id: schema.applications.id })
      .from(schema.applications)
      .where(
        and(
          eq(schema.applications.roleId, input.roleId),
          inArray(schema.applications.id, input.ids.length ? input.ids : [0]),
        ),
      )
      .all()
      .map((r) => r.id),
  );
  const rows = input.ids
    .map((id) => view.rows.find((r) => r.id === id && onRole.has(id) && !r.masked))
    .filter((r): r is (typeof view.rows)[number] => Boolean(r));
  const current = rollup.template.areas;
  // Past the limit the page says so; only the first MAX_COMPARE are worked out.
  const tooMany = rows.length > MAX_COMPARE;
  const seesAll = canSeeAllScorecards(input.viewer.kind, input.teamRole);
  const candidates = rows.slice(0, MAX_COMPARE).map((row) => {
    const cards = row.scoresHidden ? [] : listScorecardsForApplication(row.id).filter((c) => c.status === "submitted");
    const summary = summarizeSubmitted(cards, current);
    // The latest take-home counts, as on the rollup.
    const latest = row.scoresHidden ? undefined : listTakeHomesForApplication(row.id).at(-1);
    const takeHome = latest
      ? {
          title: latest.title,
          status: latest.status,
          graders: latest.graders.length,
          result: takeHomeResult(latest.grades.filter((g) => g.status === "submitted")),
        }
      : null;
    // The words behind the ratings, under the same rule as the ratings: none where scores are hidden.
    const words = row.scoresHidden ? null : getComparisonWords(cards, summary, row.id, input.viewer, seesAll);
    return { ...row, summary, takeHome, words };
  });
  // The rows: the current template's areas, then any area only an earlier version had.
  const areas = current.map((a) => ({
    key: a.key,
    name: a.name,
    weight: a.weight,
    knockout: a.knockout,
    earlier: false,
  }));
  for (const c of candidates)
    for (const a of c.summary.areas)
      if (!areas.some((x) => x.key === a.key))
        areas.push({ key: a.key, name: a.name, weight: a.weight, knockout: a.knockout, earlier: true });
  // Said once for the page and its CSV: figures that cover different work are not like for like.
  const costNote = view.assumptions
    ? notLikeForLike(
        candidates.map((c) => c.cost?.covers ?? null),
        view.assumptions.expectedHours,
      )
    : null;
  return {
    role: view.role,
    areas,
    candidates,
    tooMany,
    assumptions: view.assumptions,
    costNote,
    seesCost: view.seesCost,
    seesCompliance: view.seesCompliance,
    seesAgencies: view.seesAgencies,
  };
}
