import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import { calibrate, outcomeOf, type CalibrationCard } from "~/domain/calibration";
import { scopesFor } from "~/domain/policy";
import { getDb, schema } from "~/utils/db.server";
import type { Viewer } from "./role.server";

const { scorecards, scorecardRatings, interviews, applications, roleTeam, users } = schema;

/** Calibration over the submitted scorecards a viewer may study: all, or those on roles they manage. */
export function calibrationFor(viewer: Viewer, roleId: number | null) {
  const db = getDb();
  const conditions: SQL[] = [eq(scorecards.status, "submitted")];
  if (!scopesFor(viewer.kind, "read:calibration").includes("any")) {
    const managed = db.select({ id: roleTeam.roleId }).from(roleTeam).where(and(eq(roleTeam.userId, viewer.id), eq(roleTeam.teamRole, "hiring_manager")));
    conditions.push(inArray(applications.roleId, managed));
  }
  if (roleId) conditions.push(eq(applications.roleId, roleId));
  const rows = db
    .select({
      id: scorecards.id,
      interviewerId: scorecards.interviewerId,
      applicationId: applications.id,
      stage: applications.stage,
      recommendation: scorecards.recommendation,
      endsAt: interviews.endsAt,
      submittedAt: scorecards.submittedAt,
      rated: sql<string | null>`(select group_concat(${scorecardRatings.rating}) from ${scorecardRatings} where ${scorecardRatings.scorecardId} = ${scorecards.id} and ${scorecardRatings.rating} is not null)`,
      notAssessed: sql<number>`(select count(*) from ${scorecardRatings} where ${scorecardRatings.scorecardId} = ${scorecards.id} and ${scorecardRatings.rating} is null)`,
    })
    .from(scorecards)
    .innerJoin(interviews, eq(interviews.id, scorecards.interviewId))
    .innerJoin(applications, eq(applications.id, interviews.applicationId))
    .where(and(...conditions))
    .all();
  const cards: CalibrationCard[] = rows.map((r) => ({
    interviewerId: r.interviewerId,
    applicationId: r.applicationId,
    ratings: r.rated ? r.rated.split(",").map(Number) : [],
    notAssessed: r.notAssessed,
    recommendation: r.recommendation,
    hoursToSubmit: r.submittedAt ? Math.max(0, (r.submittedAt.getTime() - r.endsAt.getTime()) / 3_600_000) : 0,
  }));
  const outcomes = new Map(rows.map((r) => [r.applicationId, outcomeOf(r.stage)]));
  const names = new Map(db.select({ id: users.id, name: users.name }).from(users).all().map((u) => [u.id, u.name]));
  return calibrate(cards, outcomes).map((c) => ({ ...c, name: names.get(c.interviewerId) ?? "Unknown" })).sort((a, b) => b.scorecards - a.scorecards);
}
