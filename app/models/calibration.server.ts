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
 * in scope; and, for the median, the middle one or two of each interviewer's hours to submit.
 */
function interviewerSums(managerId: number | null, roleId: number | null) {
  const managed =
    managerId === null
      ? sql`1`
      : sql`a.role_id in (select role_id from role_team where user_id = ${managerId} and team_role = 'hiring_manager')`;
  const role = roleId ? sql`a.role_id = ${roleId}` : sql`1`;
  const outcome = sql`case when a.stage in ('hired', 'offer') then 'positive' when a.stage = 'rejected' then 'negative' end`;
  const hours = sql`case when s.submitted_at - i.ends_at is null then 0
    else max(0, (s.submitted_at - i.ends_at) / 3600000.0) end`;
  // One row per scorecard: its ratings summed, its call and the application's outcome.
  const cards = sql`
    select s.id as id, s.interviewer_id as iv, i.application_id as app, s.recommendation as rec, ${outcome} as outcome,
      coalesce(sum(r.rating), 0) as rs, count(r.rating) as rn, count(r.scorecard_id) - count(r.rating) as na
    from scorecards s
    join interviews i on i.id = s.interview_id
    join applications a on a.id = i.application_id
    left join scorecard_ratings r on r.scorecard_id = s.id
    where s.status = 'submitted' and ${managed} and ${role}
    group by s.id`;
  const db = getDb();
  const sums = db.all<SumsRow>(sql`
    with card as materialized (${cards}),
    pair as (select iv, app, sum(rs) as s, sum(rn) as n from card group by iv, app),
    application as (select app, sum(s) as s, sum(n) as n from pair group by app),
    shared as (
      select p.iv as iv, sum(p.s) as ratingSum, sum(p.n) as ratingCount,
        sum(p.n > 0 and t.n - p.n > 0) as sharedApplications,
        sum(case when p.n > 0 and t.n - p.n > 0 then p.s else 0 end) as sharedSum,
        sum(case when p.n > 0 and t.n - p.n > 0 then p.n else 0 end) as sharedCount,
        sum(case when p.n > 0 and t.n - p.n > 0 then t.s - p.s else 0 end) as coPanelSum,
        sum(case when p.n > 0 and t.n - p.n > 0 then t.n - p.n else 0 end) as coPanelCount
      from pair p join application t on t.app = p.app group by p.iv
    ),
    calls as (
      select iv, count(*) as scorecards, min(id) as firstCard,
        sum(rec <> 'no_decision' and outcome is not null) as decided,
        sum(rec <> 'no_decision' and outcome is not null
          and (rec in ('yes', 'strong_yes')) = (outcome = 'positive')) as agreed,
        sum(rn + na) as areas, sum(na) as notAssessed, sum(rec = 'no_decision') as noDecision
      from card group by iv
    )
    select calls.iv as interviewerId, scorecards, firstCard, ratingSum, ratingCount, sharedApplications, sharedSum,
      sharedCount, coPanelSum, coPanelCount, decided, agreed, areas, notAssessed, noDecision
    from calls join shared on shared.iv = calls.iv`);
  const middles = db.all<{ iv: number; hours: number }>(sql`
    select iv, hours from (
      select s.interviewer_id as iv, ${hours} as hours,
        row_number() over (partition by s.interviewer_id order by ${hours}) as k,
        count(*) over (partition by s.interviewer_id) as n
      from scorecards s
      join interviews i on i.id = s.interview_id
      join applications a on a.id = i.application_id
      where s.status = 'submitted' and ${managed} and ${role}
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
