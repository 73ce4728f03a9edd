// Panel agreement from the submitted ratings: Krippendorff's alpha per role's
// panel and per interviewer against their co-panels (app/domain/agreement.ts).
// A unit is one application's area; its values are the ratings the panel gave
// it, one per interviewer: when someone interviewed the same candidate twice,
// their latest rating of the area counts, since two ratings by one person are
// not two observers. Not assessed is missing, never a low rating, so it does
// not take back a rating the same person gave the area before.
import { sql } from "drizzle-orm";
import { krippendorffAlpha, observerAlpha, type Agreement, type ObserverUnit, type Unit } from "~/domain/agreement";
import { getDb } from "~/utils/db.server";

/** Whose ratings: on every role, or on those `managerId` manages (as calibration scopes them); one role or all. */
export type AgreementScope = { managerId: number | null; roleId: number | null };

export type PanelAgreement = {
  overall: Agreement;
  byRole: Map<number, Agreement>;
  byInterviewer: Map<number, Agreement & { own: number }>;
};

type MakeUp = { c1: number; c2: number; c3: number; c4: number; times: number };

/**
 * The ratings in scope, summed by what matters to alpha, from the rows triggers keep equal to that grouping of the
 * submitted ratings (db/calibration-summaries.ts), pairable units only: per role, the make-ups of its units (how
 * many 1s, 2s, 3s and 4s the panel gave an application's area) and how many units have each; per interviewer,
 * their rating, the make-up of the unit it falls in, and in how many such units. Every role has its own table
 * rows; over every role, summed already. So the rows follow roles and interviewers, not ratings.
 */
function ratingMakeUps(scope: AgreementScope) {
  const db = getDb();
  const order = sql`c1, c2, c3, c4`;
  if (scope.managerId === null && scope.roleId === null)
    return {
      units: db.all<MakeUp & { roleId: number }>(
        sql`select role_id as roleId, c1, c2, c3, c4, times from agreement_units where times > 0 order by role_id, ${order}`,
      ),
      observed: db.all<MakeUp & { interviewerId: number; own: number }>(sql`
        select interviewer_id as interviewerId, own, c1, c2, c3, c4, times from agreement_interviewers
        where times > 0 order by interviewer_id, own, ${order}`),
    };
  const roles =
    scope.managerId === null
      ? sql`1`
      : sql`role_id in (select role_id from role_team where user_id = ${scope.managerId} and team_role = 'hiring_manager')`;
  const role = scope.roleId === null ? sql`1` : sql`role_id = ${scope.roleId}`;
  return {
    units: db.all<MakeUp & { roleId: number }>(sql`
      select role_id as roleId, c1, c2, c3, c4, times from agreement_units
      where times > 0 and ${roles} and ${role} order by role_id, ${order}`),
    observed: db.all<MakeUp & { interviewerId: number; own: number }>(sql`
      select interviewer_id as interviewerId, own, c1, c2, c3, c4, sum(times) as times from agreement_observers
      where times > 0 and ${roles} and ${role}
      group by interviewer_id, own, c1, c2, c3, c4 order by interviewer_id, own, ${order}`),
  };
}

const valuesOf = (r: MakeUp) => [1, 2, 3, 4].flatMap((v) => Array<number>(r[`c${v}` as "c1"]).fill(v));
const makeUp = (r: MakeUp) => `${r.c1},${r.c2},${r.c3},${r.c4}`;

/** Unit make-ups with how many units have each, the same make-up on several rows summed. */
function unitsFrom(rows: MakeUp[]): Unit[] {
  const byMakeUp = new Map<string, { values: number[]; times: number }>();
  for (const r of rows) {
    const entry = byMakeUp.get(makeUp(r)) ?? byMakeUp.set(makeUp(r), { values: valuesOf(r), times: 0 }).get(makeUp(r))!;
    entry.times += r.times;
  }
  return [...byMakeUp.values()];
}

export function getPanelAgreement(scope: AgreementScope): PanelAgreement {
  const { units, observed } = ratingMakeUps(scope);
  const reference = unitsFrom(units);
  const group = <R, K>(rows: R[], key: (r: R) => K) => {
    const m = new Map<K, R[]>();
    for (const r of rows) (m.get(key(r)) ?? m.set(key(r), []).get(key(r))!).push(r);
    return m;
  };
  const byRole = new Map(
    [...group(units, (r) => r.roleId)].map(([id, mine]) => [id, krippendorffAlpha(unitsFrom(mine))]),
  );
  const byInterviewer = new Map(
    [...group(observed, (r) => r.interviewerId)].map(([id, mine]) => {
      const own: ObserverUnit[] = mine.map((r) => ({ own: r.own, values: valuesOf(r), times: r.times }));
      return [id, observerAlpha(own, reference)];
    }),
  );
  return { overall: krippendorffAlpha(reference), byRole, byInterviewer };
}

type Observed = MakeUp & { interviewerId: number; own: number };

/**
 * The scope's panel agreement as a page of interviewers needs it: every pairable unit in scope (the reference each
 * interviewer is set against, and the overall figure), and the ratings of only the interviewers shown. Over every
 * role the reference is read from its company-wide totals, so the rows read follow the make-ups and the
 * interviewers shown, not the roles.
 */
export function getInterviewerAgreement(
  scope: AgreementScope,
  interviewerIds: readonly number[],
): Pick<PanelAgreement, "overall" | "byInterviewer"> {
  const db = getDb();
  const order = sql`c1, c2, c3, c4`;
  const ids = sql`interviewer_id in (select value from json_each(${JSON.stringify(interviewerIds)}))`;
  let units: MakeUp[];
  let observed: Observed[];
  if (scope.managerId === null && scope.roleId === null) {
    units = db.all<MakeUp>(
      sql`select c1, c2, c3, c4, times from agreement_unit_totals where times > 0 order by ${order}`,
    );
    observed = db.all<Observed>(sql`
      select interviewer_id as interviewerId, own, c1, c2, c3, c4, times from agreement_interviewers
      where times > 0 and ${ids} order by interviewer_id, own, ${order}`);
  } else {
    const roles =
      scope.managerId === null
        ? sql`1`
        : sql`role_id in (select role_id from role_team where user_id = ${scope.managerId} and team_role = 'hiring_manager')`;
    const role = scope.roleId === null ? sql`1` : sql`role_id = ${scope.roleId}`;
    units = db.all<MakeUp>(sql`
      select c1, c2, c3, c4, times from agreement_units
      where times > 0 and ${roles} and ${role} order by role_id, ${order}`);
    observed = db.all<Observed>(sql`
      select interviewer_id as interviewerId, own, c1, c2, c3, c4, sum(times) as times from agreement_observers
      where times > 0 and ${roles} and ${role} and ${ids}
      group by interviewer_id, own, c1, c2, c3, c4 order by interviewer_id, own, ${order}`);
  }
  const reference = unitsFrom(units);
  const mine = new Map<number, ObserverUnit[]>();
  for (const r of observed)
    (mine.get(r.interviewerId) ?? mine.set(r.interviewerId, []).get(r.interviewerId)!).push({
      own: r.own,
      values: valuesOf(r),
      times: r.times,
    });
  const byInterviewer = new Map([...mine].map(([id, own]) => [id, observerAlpha(own, reference)]));
  return { overall: krippendorffAlpha(reference), byInterviewer };
}

/** Each of these roles' panels: every submitted rating on the role, whoever gave it (roles with none left out). */
export function getRolesAgreement(roleIds: readonly number[]): Map<number, Agreement> {
  const rows = getDb().all<MakeUp & { roleId: number }>(sql`
    select role_id as roleId, c1, c2, c3, c4, times from agreement_units
    where times > 0 and role_id in (select value from json_each(${JSON.stringify(roleIds)}))
    order by role_id, c1, c2, c3, c4`);
  const byRole = new Map<number, MakeUp[]>();
  for (const r of rows) (byRole.get(r.roleId) ?? byRole.set(r.roleId, []).get(r.roleId)!).push(r);
  return new Map([...byRole].map(([id, mine]) => [id, krippendorffAlpha(unitsFrom(mine))]));
}

/** A role's panel: every submitted rating on the role, whoever gave it. */
export function getRoleAgreement(roleId: number): Agreement {
  return getPanelAgreement({ managerId: null, roleId }).byRole.get(roleId) ?? krippendorffAlpha([]);
}
