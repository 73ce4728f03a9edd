// What a viewer may read of an application's scorecards, by the blind rule.
import {
  areasFilledAgainst,
  canReadScorecard,
  summarize,
  type Rating,
  type ScoreInput,
  type TemplateArea,
} from "~/domain/scorecard";
import { scopesFor } from "~/domain/policy";
import type { TeamRole, UserKind } from "~/domain/reference";
import { and, eq } from "drizzle-orm";
import { getDb, schema } from "~/utils/db.server";
import { interviewKindLabels } from "~/schemas/interview";
import { listPanelSeats } from "./interview.server";
import { listScorecardsForApplication } from "./scorecard.server";

/** Admins, recruiters and the role's hiring managers read every submitted scorecard, blind or not. */
export function canSeeAllScorecards(kind: UserKind, teamRole: TeamRole | null): boolean {
  return scopesFor(kind, "read:application").includes("any") || teamRole === "hiring_manager";
}

export function listVisibleScorecards(input: {
  applicationId: number;
  roleId: number;
  blind: boolean;
  viewer: { id: number; kind: UserKind };
  teamRole: TeamRole | null;
}) {
  const all = listScorecardsForApplication(input.applicationId);
  const seesAll = canSeeAllScorecards(input.viewer.kind, input.teamRole);
  // "Submitted their own" means every seat the viewer has on this application's panels, not just one of them:
  // a second, pending interview would otherwise be filled with the panel's answers in view.
  const seats = listPanelSeats(input.applicationId, input.viewer.id);
  const viewerHasSubmitted = seats.length > 0 && seats.every((s) => s.status === "submitted");
  const readable = all.filter((c) =>
    canReadScorecard({
      viewer: { id: input.viewer.id, seesAll },
      scorecard: { interviewerId: c.interviewerId, status: c.status },
      viewerHasSubmitted,
      blind: input.blind,
    }),
  );
  const submitted = readable.filter((c) => c.status === "submitted");
  return {
    seesAll,
    hiddenCount: all.filter((c) => c.status === "submitted").length - submitted.length,
    viewerHasSubmitted,
    /** The viewer's seats on this application's panels still without a submitted scorecard. */
    seatsOwed: seats.filter((s) => s.status !== "submitted").length,
    readable,
    summary: submitted.length ? summarizeSubmitted(submitted, []) : null,
  };
}

type SubmittedCard = ReturnType<typeof listScorecardsForApplication>[number];

/**
 * An application's submitted scorecards summed up, the one way its page, the
 * rollup's comparison and the CSV all show them: against the template versions
 * they were filled with (`current` when there are none), and with two
 * scorecards by one person (two interviews) told apart by the interview.
 */
export function summarizeSubmitted(submitted: SubmittedCard[], current: TemplateArea[]) {
  const areas = areasFilledAgainst(
    submitted.map((c) => ({ version: c.templateVersion, areas: c.templateAreas })),
    current,
  );
  const perPerson = new Map<string, number>();
  for (const c of submitted) perPerson.set(c.interviewerName, (perPerson.get(c.interviewerName) ?? 0) + 1);
  const inputs: ScoreInput[] = submitted.map((c) => ({
    id: c.id,
    interviewerName:
      (perPerson.get(c.interviewerName) ?? 0) > 1
        ? `${c.interviewerName} (${interviewKindLabels[c.interviewKind]})`
        : c.interviewerName,
    templateVersion: c.templateVersion,
    ratings: Object.fromEntries(c.ratings.map((r) => [r.areaKey, r.rating as Rating | null])),
    recommendation: c.recommendation,
  }));
  return summarize(areas, inputs);
}

/**
 * A user's panel seats on a role, by application: `scored` where every seat
 * has a submitted scorecard (what the blind rule lets them read), `pending`
 * where one is still to write.
 */
export function getPanelProgressOnRole(userId: number, roleId: number): { scored: Set<number>; pending: Set<number> } {
  const db = getDb();
  const seats = db
    .select({ applicationId: schema.interviews.applicationId, status: schema.scorecards.status })
    .from(schema.interviewPanel)
    .innerJoin(schema.interviews, eq(schema.interviews.id, schema.interviewPanel.interviewId))
    .innerJoin(schema.applications, eq(schema.applications.id, schema.interviews.applicationId))
    .leftJoin(
      schema.scorecards,
      and(eq(schema.scorecards.interviewId, schema.interviews.id), eq(schema.scorecards.interviewerId, userId)),
    )
    .where(and(eq(schema.interviewPanel.userId, userId), eq(schema.applications.roleId, roleId)))
    .all();
  const pending = new Set(seats.filter((s) => s.status !== "submitted").map((s) => s.applicationId));
  return { scored: new Set(seats.filter((s) => !pending.has(s.applicationId)).map((s) => s.applicationId)), pending };
}
