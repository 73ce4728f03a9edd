import { inArray, sql } from "drizzle-orm";
import { calibrationFigures, type InterviewerSums } from "~/domain/calibration";
import { scopesFor } from "~/domain/policy";
import { cachedDerived } from "~/utils/cache.server";
import { getDb, schema } from "~/utils/db.server";
import { krippendorffAlpha } from "~/domain/agreement";
import { getPanelAgreement } from "./agreement.server";
import type { Viewer } from "./role.server";

const { users } = schema;

/** How long computed calibration may serve while nothing is written. */
const CALIBRATION_MAX_AGE_MS = 60_000;

/**
 * Calibration over the submitted scorecards a viewer may study: all, or those
 * on roles they manage. The figures are summed in SQL per interviewer (and per
 * interviewer and application for the co-panel comparison), so what reaches
 * this process follows the number of interviewers, not of scorecards. Kept
 * until a write feeding any role (not drafts, sign-ins or the audit log) or for a minute (a renamed interviewer
 * shows by their new name within it); everyone who may see all of it shares one copy.
 */
export function getCalibration(viewer: Viewer, roleId: number | null) {
  const seesAll = scopesFor(viewer.kind, "read:calibration").includes("any");
  return cachedDerived(
    `calibration:${seesAll ? "all" : `manager:${viewer.id}`}:${roleId ?? "all"}`,
    { maxAgeMs: CALIBRATION_MAX_AGE_MS, allRoles: true },
    () => computeCalibration(seesAll ? null : viewer.id, roleId),
  );
}

type SumsRow = Omit<InterviewerSums, "middleHours"> & { firstCard: number };

/**
 * Per interviewer, the sums `calibrationFigures` needs (app/domain/calibration.ts), over the submitted scorecards
 * in scope; and, for the median, the middle one or two of each interviewer's hours to submit. Read from the
 * summary rows triggers keep per role and interviewer (db/calibration-summaries.ts), so the cost follows the
 * interviewers and roles in scope, not the scorecards.
 */
function interviewerSums(managerId: number | null, roleId: number | null) {
  const managed =
    managerId === null
      ? sql`1`
      : sql`role_id in (select role_id from role_team where user_id = ${managerId} and team_role = 'hiring_manager')`;
  const role = roleId ? sql`role_id = ${roleId}` : sql`1`;
  const db = getDb();
  const sums = db.all<SumsRow>(sql`
    select interviewer_id as interviewerId, sum(scorecards) as scorecards, min(first_card) as firstCard,
      sum(rating_sum) as ratingSum, sum(rating_count) as ratingCount, sum(shared_applications) as sharedApplications,
      sum(shared_sum) as sharedSum, sum(shared_count) as sharedCount, sum(co_panel_sum) as coPanelSum,
      sum(co_panel_count) as coPanelCount, sum(decided) as decided, sum(agreed) as agreed,
      sum(rating_count + not_assessed) as areas, sum(not_assessed) as notAssessed, sum(no_decision) as noDecision
    from calibration_sums where ${managed} and ${role}
    group by interviewer_id having sum(scorecards) > 0`);
  if (managerId === null && !roleId) {
    // Every role: each interviewer's middle hours read from their index, one or two rows at the middle.
    const middle = db.$client.prepare<[number, number, number], { hours: number }>(
      "select hours from calibration_cards where interviewer_id = ? order by hours limit ? offset ?",
    );
    const middles = sums.flatMap((s) =>
      middle
        .all(s.interviewerId, s.scorecards % 2 ? 1 : 2, Math.floor((s.scorecards - 1) / 2))
        .map((m) => ({ iv: s.interviewerId, hours: m.hours })),
    );
    return { sums, middles };
  }
  const middles = db.all<{ iv: number; hours: number }>(sql`
    select iv, hours from (
      select interviewer_id as iv, hours,
        row_number() over (partition by interviewer_id order by hours) as k,
        count(*) over (partition by interviewer_id) as n
      from calibration_cards where ${managed} and ${role}
    ) where k in ((n + 1) / 2, n / 2 + 1) order by iv, k`);
  return { sums, middles };
}

function computeCalibration(managerId: number | null, roleId: number | null) {
  const { sums, middles } = interviewerSums(managerId, roleId);
  const middleHours = new Map<number, number[]>();
  for (const m of middles) middleHours.set(m.iv, [...(middleHours.get(m.iv) ?? []), m.hours]);
  const ids = sums.map((s) => s.interviewerId);
  const names = new Map(
    ids.length
      ? getDb()
          .select({ id: users.id, name: users.name })
          .from(users)
          .where(inArray(users.id, ids))
          .all()
          .map((u) => [u.id, u.name])
      : [],
  );
  // Agreement over the same scope: each interviewer against the co-panels they sat on, and each role's panel.
  const agreement = getPanelAgreement({ managerId, roleId });
  const none = krippendorffAlpha([]);
  // Most scorecards first; among equals, in order of their first scorecard.
  const interviewers = [...sums]
    .sort((a, b) => b.scorecards - a.scorecards || a.firstCard - b.firstCard)
    .map(({ firstCard: _first, ...s }) => ({
      ...calibrationFigures({ ...s, middleHours: middleHours.get(s.interviewerId) ?? [] }),
      name: names.get(s.interviewerId) ?? "Unknown",
      panelAgreement: agreement.byInterviewer.get(s.interviewerId) ?? { ...none, own: 0 },
    }));
  return { rows: interviewers, panels: Object.fromEntries(agreement.byRole), overall: agreement.overall };
}
