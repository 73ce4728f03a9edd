// Side-by-side comparison of 2 to 6 applications of one role, built from the
// rollup (the same figures) plus each scorecard's individual ratings.
import { and, eq, inArray } from "drizzle-orm";
import type { Rating } from "~/domain/scorecard";
import { summarize } from "~/domain/scorecard";
import type { TeamRole, UserKind } from "~/domain/reference";
import { getDb, schema } from "~/utils/db.server";
import { roleRollup } from "./rollup.server";
import { rollupForViewer } from "./rollup-view.server";
import { scorecardsForApplication } from "./scorecard.server";
import { takeHomesForApplication } from "./take-home.server";
import { takeHomeResult } from "~/domain/take-home";

export const MIN_COMPARE = 2;
export const MAX_COMPARE = 6;

export function parseCompareIds(url: URL): number[] {
  const raw = url.searchParams.getAll("ids").flatMap((v) => v.split(","));
  return [...new Set(raw.map(Number).filter((n) => Number.isInteger(n) && n > 0))];
}

export function comparison(input: { roleId: number; ids: number[]; viewer: { id: number; kind: UserKind }; teamRole: TeamRole | null }) {
  const rollup = roleRollup(input.roleId);
  if (!rollup) return null;
  const view = rollupForViewer(rollup, input.viewer, input.teamRole);
  // Only applications of this role, and never one the viewer grades anonymously.
  const onRole = new Set(
    getDb().select({ id: schema.applications.id }).from(schema.applications).where(and(eq(schema.applications.roleId, input.roleId), inArray(schema.applications.id, input.ids.length ? input.ids : [0]))).all().map((r) => r.id),
  );
  const rows = input.ids.map((id) => view.rows.find((r) => r.id === id && onRole.has(id) && !r.masked)).filter((r): r is (typeof view.rows)[number] => Boolean(r));
  const areas = rollup.template.areas;
  const candidates = rows.map((row) => {
    const cards = row.scoresHidden ? [] : scorecardsForApplication(row.id).filter((c) => c.status === "submitted");
    const summary = summarize(
      areas,
      cards.map((c) => ({ id: c.id, interviewerName: c.interviewerName, templateVersion: c.templateVersion, ratings: Object.fromEntries(c.ratings.map((r) => [r.areaKey, r.rating as Rating | null])), recommendation: c.recommendation })),
    );
    const takeHome = row.scoresHidden ? null : takeHomesForApplication(row.id).map((t) => ({ title: t.title, status: t.status, result: takeHomeResult(t.grades.filter((g) => g.status === "submitted")) }))[0] ?? null;
    return { ...row, summary, takeHome };
  });
  return { role: view.role, areas: areas.map((a) => ({ key: a.key, name: a.name, weight: a.weight, knockout: a.knockout })), candidates, assumptions: view.assumptions, seesCost: view.seesCost, seesCompliance: view.seesCompliance };
}
