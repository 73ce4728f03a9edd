import { and, count, eq, inArray, sql } from "drizzle-orm";
import {
  CALIBRATION_PAGE_SIZE,
  CALIBRATION_ROLES_PAGE_SIZE,
  calibrationFigures,
  type InterviewerSums,
} from "~/domain/calibration";
import { scopesFor } from "~/domain/policy";
import { cachedDerived } from "~/utils/cache.server";
import { getDb, schema } from "~/utils/db.server";
import { krippendorffAlpha } from "~/domain/agreement";
import { getInterviewerAgreement, getRolesAgreement } from "./agreement.server";
import { managedBy, roleListOrder, roleTitleMatches, type Viewer } from "./role.server";

const { roles, users } = schema;

/** How long computed calibration may serve while nothing is written. */
const CALIBRATION_MAX_AGE_MS = 60_000;

/**
 * One page of calibration over the submitted scorecards a viewer may study: all, or those on roles they manage;
 * every role or one. The interviewers are ranked by how many scorecards they submitted (among equals, by their
 * first), `CALIBRATION_PAGE_SIZE` to a page, with how many there are in all; the overall panel agreement covers
 * the whole scope, not only the page. Figures are read from summary rows (db/calibration-summaries.ts, and over
 * every role db/calibration-totals.ts), so what reaches this process follows the interviewers shown. Kept until a
 * write feeding any role (not drafts, sign-ins or the audit log) or for a minute (a renamed interviewer shows by
 * their new name within it); everyone who may see all of it shares one copy of each page.
 */
export function getCalibration(viewer: Viewer, roleId: number | null, page = 1) {
  const seesAll = scopesFor(viewer.kind, "read:calibration").includes("any");
  const wanted = Number.isInteger(page) && page > 1 ? page : 1;
  return cachedDerived(
    `calibration:${seesAll ? "all" : `manager:${viewer.id}`}:${roleId ?? "all"}:${wanted}`,
    { maxAgeMs: CALIBRATION_MAX_AGE_MS, allRoles: true },
    () => computeCalibration(seesAll ? null : viewer.id, roleId, wanted),
  );
}

type SumsRow = Omit<InterviewerSums, "middleHours"> & { firstCard: number };

const SUMS = sql`scorecards, first_card as firstCard, rating_sum as ratingSum, rating_count as ratingCount,
  shared_applications as sharedApplications, shared_sum as sharedSum, shared_count as sharedCount,
  co_panel_sum as coPanelSum, co_panel_count as coPanelCount, decided, agreed,
  rating_count + not_assessed as areas, not_assessed as notAssessed, no_decision as noDecision`;

const pageCountOf = (total: number, size: number) => Math.max(1, Math.ceil(total / size));

/**
 * Over every role: one page of interviewers from their company-wide totals, in the page's order (an index on the
 * totals), and each one's middle hours to submit read from their index, one or two rows at the middle.
 */
function companyPage(page: number) {
  const db = getDb();
  const total = db.get<{ n: number }>(sql`select count(*) as n from calibration_totals where scorecards > 0`)?.n ?? 0;
  const shown = Math.min(page, pageCountOf(total, CALIBRATION_PAGE_SIZE));
  const sums = db.all<SumsRow>(sql`
    select interviewer_id as interviewerId, ${SUMS} from calibration_totals where scorecards > 0
    order by scorecards desc, first_card limit ${CALIBRATION_PAGE_SIZE} offset ${(shown - 1) * CALIBRATION_PAGE_SIZE}`);
  const middle = db.$client.prepare<[number, number, number], { hours: number }>(
    "select hours from calibration_cards where interviewer_id = ? order by hours limit ? offset ?",
  );
  const middles = sums.flatMap((s) =>
    middle
      .all(s.interviewerId, s.scorecards % 2 ? 1 : 2, Math.floor((s.scorecards - 1) / 2))
      .map((m) => ({ iv: s.interviewerId, hours: m.hours })),
  );
  return { sums, middles, total, page: shown };
}

/**
 * On the roles a hiring manager manages, or on one role: every interviewer's sums in scope, summed per interviewer
 * from the per-role rows (the scope bounds them), ranked, and the page's middle hours from a window over the scope.
 */
function scopedPage(managerId: number | null, roleId: number | null, page: number) {
  const managed =
    managerId === null
      ? sql`1`
      : sql`role_id in (select role_id from role_team where user_id = ${managerId} and team_role = 'hiring_manager')`;
  const role = roleId ? sql`role_id = ${roleId}` : sql`1`;
  const db = getDb();
  const all = db
    .all<SumsRow>(
      sql`
    select interviewer_id as interviewerId, sum(scorecards) as scorecards, min(first_card) as firstCard,
      sum(rating_sum) as ratingSum, sum(rating_count) as ratingCount, sum(shared_applications) as sharedApplications,
      sum(shared_sum) as sharedSum, sum(shared_count) as sharedCount, sum(co_panel_sum) as coPanelSum,
      sum(co_panel_count) as coPanelCount, sum(decided) as decided, sum(agreed) as agreed,
      sum(rating_count + not_assessed) as areas, sum(not_assessed) as notAssessed, sum(no_decision) as noDecision
    from calibration_sums where ${managed} and ${role}
    group by interviewer_id having sum(scorecards) > 0`,
    )
    .sort((a, b) => b.scorecards - a.scorecards || a.firstCard - b.firstCard);
  const shown = Math.min(page, pageCountOf(all.length, CALIBRATION_PAGE_SIZE));
  const sums = all.slice((shown - 1) * CALIBRATION_PAGE_SIZE, shown * CALIBRATION_PAGE_SIZE);
  const ids = sql`interviewer_id in (select value from json_each(${JSON.stringify(sums.map((s) => s.interviewerId))}))`;
  const middles = db.all<{ iv: number; hours: number }>(sql`
    select iv, hours from (
      select interviewer_id as iv, hours,
        row_number() over (partition by interviewer_id order by hours) as k,
        count(*) over (partition by interviewer_id) as n
      from calibration_cards where ${managed} and ${role} and ${ids}
    ) where k in ((n + 1) / 2, n / 2 + 1) order by iv, k`);
  return { sums, middles, total: all.length, page: shown };
}

function computeCalibration(managerId: number | null, roleId: number | null, page: number) {
  const {
    sums,
    middles,
    total,
    page: shown,
  } = managerId === null && !roleId ? companyPage(page) : scopedPage(managerId, roleId, page);
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
  // Agreement over the same scope: each interviewer shown against the co-panels they sat on, and the scope's panel.
  const agreement = getInterviewerAgreement({ managerId, roleId: roleId || null }, ids);
  const none = krippendorffAlpha([]);
  const rows = sums.map(({ firstCard: _first, ...s }) => ({
    ...calibrationFigures({ ...s, middleHours: middleHours.get(s.interviewerId) ?? [] }),
    name: names.get(s.interviewerId) ?? "Unknown",
    panelAgreement: agreement.byInterviewer.get(s.interviewerId) ?? { ...none, own: 0 },
  }));
  return {
    rows,
    total,
    page: shown,
    pageCount: pageCountOf(total, CALIBRATION_PAGE_SIZE),
    overall: agreement.overall,
  };
}

/** A role the viewer may study on calibration (every role, or one they manage), or null. */
export function findCalibrationRole(viewer: Viewer, roleId: number): { id: number; title: string } | null {
  const seesAll = scopesFor(viewer.kind, "read:calibration").includes("any");
  return (
    getDb()
      .select({ id: roles.id, title: roles.title })
      .from(roles)
      .where(seesAll ? eq(roles.id, roleId) : and(eq(roles.id, roleId), managedBy(viewer.id)))
      .get() ?? null
  );
}

/**
 * One page of the roles a viewer may study on calibration, in the roles list's order (open first, latest changed
 * first), their title or team containing the words of `search` if given; with how many there are, each with its
 * panel's agreement.
 */
export function listCalibrationRoles(viewer: Viewer, search: string, page: number) {
  const seesAll = scopesFor(viewer.kind, "read:calibration").includes("any");
  const where = and(seesAll ? undefined : managedBy(viewer.id), roleTitleMatches(search));
  const db = getDb();
  const total = db.select({ n: count() }).from(roles).where(where).get()?.n ?? 0;
  const pageCount = pageCountOf(total, CALIBRATION_ROLES_PAGE_SIZE);
  const shown = Math.min(Number.isInteger(page) && page > 1 ? page : 1, pageCount);
  const listed = db
    .select({ id: roles.id, title: roles.title })
    .from(roles)
    .where(where)
    .orderBy(...roleListOrder)
    .limit(CALIBRATION_ROLES_PAGE_SIZE)
    .offset((shown - 1) * CALIBRATION_ROLES_PAGE_SIZE)
    .all();
  return { roles: withAgreement(listed), total, page: shown, pageCount };
}

/**
 * Roles with their panels' agreement ("no overlap yet" for a panel with none). The figures of a list of roles are
 * kept as calibration's are (the list itself is read each time: a new or renamed role shows at once).
 */
export function withAgreement(list: { id: number; title: string }[]) {
  const ids = list.map((r) => r.id);
  const agreements = cachedDerived(
    `calibration-panels:${ids.join(",")}`,
    { maxAgeMs: CALIBRATION_MAX_AGE_MS, allRoles: true },
    () => getRolesAgreement(ids),
  );
  const none = krippendorffAlpha([]);
  return list.map((r) => ({ ...r, agreement: agreements.get(r.id) ?? none }));
}
