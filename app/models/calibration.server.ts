import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import { calibrate, outcomeOf, type CalibrationCard } from "~/domain/calibration";
import { scopesFor } from "~/domain/policy";
import { cachedDerived } from "~/utils/cache.server";
import { getDb, schema } from "~/utils/db.server";
import { krippendorffAlpha } from "~/domain/agreement";
import { getPanelAgreement } from "./agreement.server";
import type { Viewer } from "./role.server";

const { scorecards, scorecardRatings, interviews, applications, roleTeam, users } = schema;

/** How long computed calibration may serve while nothing is written. */
const CALIBRATION_MAX_AGE_MS = 60_000;

/**
 * Calibration over the submitted scorecards a viewer may study: all, or those
 * on roles they manage. Over every scorecard this reads each rating once
 * (about half a second per hundred thousand scorecards), so it is kept until
 * the next write; everyone who may see all of it shares one copy.
 */
export function calibrationFor(viewer: Viewer, roleId: number | null) {
  const seesAll = scopesFor(viewer.kind, "read:calibration").includes("any");
  return cachedDerived(
    `calibration:${seesAll ? "all" : `manager:${viewer.id}`}:${roleId ?? "all"}`,
    { maxAgeMs: CALIBRATION_MAX_AGE_MS },
    () => computeCalibration(seesAll ? null : viewer.id, roleId),
  );
}

function computeCalibration(managerId: number | null, roleId: number | null) {
  const db = getDb();
  const conditions: SQL[] = [eq(scorecards.status, "submitted")];
  if (managerId !== null) {
    const managed = db
      .select({ id: roleTeam.roleId })
      .from(roleTeam)
      .where(and(eq(roleTeam.userId, managerId), eq(roleTeam.teamRole, "hiring_manager")));
    conditions.push(inArray(applications.roleId, managed));
  }
  if (roleId) conditions.push(eq(applications.roleId, roleId));
  const rows = db
    .select({
      interviewerId: scorecards.interviewerId,
      applicationId: applications.id,
      stage: applications.stage,
      recommendation: scorecards.recommendation,
      // Plain numbers from SQL: a hundred thousand rows should not become two hundred thousand Dates.
      msToSubmit: sql<number | null>`${scorecards.submittedAt} - ${interviews.endsAt}`,
      // One pass over the ratings, grouped per scorecard (about twice as fast as a subquery per figure).
      ratingSum: sql<number>`coalesce(sum(${scorecardRatings.rating}), 0)`,
      ratingCount: sql<number>`count(${scorecardRatings.rating})`,
      notAssessed: sql<number>`count(${scorecardRatings.scorecardId}) - count(${scorecardRatings.rating})`,
    })
    .from(scorecards)
    .innerJoin(interviews, eq(interviews.id, scorecards.interviewId))
    .innerJoin(applications, eq(applications.id, interviews.applicationId))
    .leftJoin(scorecardRatings, eq(scorecardRatings.scorecardId, scorecards.id))
    .where(and(...conditions))
    .groupBy(scorecards.id)
    .all();
  const cards: CalibrationCard[] = rows.map((r) => ({
    interviewerId: r.interviewerId,
    applicationId: r.applicationId,
    ratingSum: r.ratingSum,
    ratingCount: r.ratingCount,
    notAssessed: r.notAssessed,
    recommendation: r.recommendation,
    hoursToSubmit: r.msToSubmit === null ? 0 : Math.max(0, r.msToSubmit / 3_600_000),
  }));
  const outcomes = new Map(rows.map((r) => [r.applicationId, outcomeOf(r.stage)]));
  const names = new Map(
    db
      .select({ id: users.id, name: users.name })
      .from(users)
      .all()
      .map((u) => [u.id, u.name]),
  );
  // Agreement over the same scope: each interviewer against the co-panels they sat on, and each role's panel.
  const agreement = getPanelAgreement({ managerId, roleId });
  const none = krippendorffAlpha([]);
  const interviewers = calibrate(cards, outcomes)
    .map((c) => ({
      ...c,
      name: names.get(c.interviewerId) ?? "Unknown",
      panelAgreement: agreement.byInterviewer.get(c.interviewerId) ?? { ...none, own: 0 },
    }))
    .sort((a, b) => b.scorecards - a.scorecards);
  return { rows: interviewers, panels: Object.fromEntries(agreement.byRole), overall: agreement.overall };
}
