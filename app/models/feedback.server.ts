// What a viewer may read of an application's scorecards, by the blind rule.
import { canReadScorecard, summarize, type Rating, type ScoreInput, type TemplateArea } from "~/domain/scorecard";
import { scopesFor } from "~/domain/policy";
import type { TeamRole, UserKind } from "~/domain/reference";
import { and, eq } from "drizzle-orm";
import { getDb, schema } from "~/utils/db.server";
import { currentTemplate, scorecardsForApplication } from "./scorecard.server";

export function visibleScorecards(input: { applicationId: number; roleId: number; blind: boolean; viewer: { id: number; kind: UserKind }; teamRole: TeamRole | null }) {
  const all = scorecardsForApplication(input.applicationId);
  const seesAll = scopesFor(input.viewer.kind, "read:application").includes("any") || input.teamRole === "hiring_manager";
  const viewerHasSubmitted = all.some((c) => c.interviewerId === input.viewer.id && c.status === "submitted");
  const readable = all.filter((c) =>
    canReadScorecard({ viewer: { id: input.viewer.id, seesAll }, scorecard: { interviewerId: c.interviewerId, status: c.status }, viewerHasSubmitted, blind: input.blind }),
  );
  const submitted = readable.filter((c) => c.status === "submitted");
  // The summary uses the role's current areas; scorecards filled against other versions are named.
  const areas: TemplateArea[] = currentTemplate(input.roleId).areas;
  const inputs: ScoreInput[] = submitted.map((c) => ({
    id: c.id,
    interviewerName: c.interviewerName,
    templateVersion: c.templateVersion,
    ratings: Object.fromEntries(c.ratings.map((r) => [r.areaKey, r.rating as Rating | null])),
    recommendation: c.recommendation,
  }));
  return {
    hiddenCount: all.filter((c) => c.status === "submitted").length - submitted.length,
    viewerHasSubmitted,
    readable,
    summary: submitted.length ? summarize(areas, inputs) : null,
  };
}

/** Applications of a role on which a user has submitted a scorecard (what the blind rule lets them compare). */
export function applicationsScoredBy(userId: number, roleId: number): Set<number> {
  const db = getDb();
  const rows = db
    .select({ id: schema.interviews.applicationId })
    .from(schema.scorecards)
    .innerJoin(schema.interviews, eq(schema.interviews.id, schema.scorecards.interviewId))
    .innerJoin(schema.applications, eq(schema.applications.id, schema.interviews.applicationId))
    .where(and(eq(schema.scorecards.interviewerId, userId), eq(schema.scorecards.status, "submitted"), eq(schema.applications.roleId, roleId)))
    .all();
  return new Set(rows.map((r) => r.id));
}
