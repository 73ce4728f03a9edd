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

type Row = {
  roleId: number;
  interviewerId: number;
  own: number;
  c1: number;
  c2: number;
  c3: number;
  c4: number;
  times: number;
};

/**
 * The ratings in scope, summed in SQL by what matters to alpha: per role, interviewer and their rating, the
 * make-up of the unit it falls in (how many 1s, 2s, 3s and 4s the panel gave there), and how many such units.
 * Only pairable units (two or more ratings) are returned, so the rows stay few however many ratings there are.
 */
function ratingMakeUps(scope: AgreementScope): Row[] {
  const roles =
    scope.managerId === null
      ? sql`1`
      : sql`a.role_id in (select role_id from role_team where user_id = ${scope.managerId} and team_role = 'hiring_manager')`;
  const role = scope.roleId === null ? sql`1` : sql`a.role_id = ${scope.roleId}`;
  return getDb().all<Row>(sql`
    with one as materialized (
      -- One rating per interviewer, application and area: the latest (SQLite takes the bare columns from the row
      -- holding the max; the key orders by submission time, then by scorecard id).
      select a.role_id as role_id, i.application_id as app, r.area_key as area, s.interviewer_id as who, r.rating as v,
        max(s.submitted_at * 1000000 + s.id % 1000000) as latest
      from scorecard_ratings r
      join scorecards s on s.id = r.scorecard_id
      join interviews i on i.id = s.interview_id
      join applications a on a.id = i.application_id
      where s.status = 'submitted' and r.rating between 1 and 4 and ${roles} and ${role}
      group by i.application_id, r.area_key, s.interviewer_id
    ),
    units as (
      select app, area, sum(v = 1) as c1, sum(v = 2) as c2, sum(v = 3) as c3, sum(v = 4) as c4
      from one group by app, area having count(*) >= 2
    )
    select one.role_id as roleId, one.who as interviewerId, one.v as own, c1, c2, c3, c4, count(*) as times
    from one join units on units.app = one.app and units.area = one.area
    group by one.role_id, one.who, one.v, c1, c2, c3, c4`);
}

const valuesOf = (r: Row) => [1, 2, 3, 4].flatMap((v) => Array<number>(r[`c${v}` as "c1"]).fill(v));
const makeUp = (r: Row) => `${r.c1},${r.c2},${r.c3},${r.c4}`;

/** Unit make-ups with how many units have each: every unit shows up once per rating in it, so divide by its size. */
function unitsFrom(rows: Row[]): Unit[] {
  const byMakeUp = new Map<string, { values: number[]; seen: number }>();
  for (const r of rows) {
    const entry = byMakeUp.get(makeUp(r)) ?? byMakeUp.set(makeUp(r), { values: valuesOf(r), seen: 0 }).get(makeUp(r))!;
    entry.seen += r.times;
  }
  return [...byMakeUp.values()].map((u) => ({ values: u.values, times: u.seen / u.values.length }));
}

export function getPanelAgreement(scope: AgreementScope): PanelAgreement {
  const rows = ratingMakeUps(scope);
  const reference = unitsFrom(rows);
  const group = <K>(key: (r: Row) => K) => {
    const m = new Map<K, Row[]>();
    for (const r of rows) (m.get(key(r)) ?? m.set(key(r), []).get(key(r))!).push(r);
    return m;
  };
  const byRole = new Map([...group((r) => r.roleId)].map(([id, mine]) => [id, krippendorffAlpha(unitsFrom(mine))]));
  const byInterviewer = new Map(
    [...group((r) => r.interviewerId)].map(([id, mine]) => {
      const units: ObserverUnit[] = mine.map((r) => ({ own: r.own, values: valuesOf(r), times: r.times }));
      return [id, observerAlpha(units, reference)];
    }),
  );
  return { overall: krippendorffAlpha(reference), byRole, byInterviewer };
}

/** A role's panel: every submitted rating on the role, whoever gave it. */
export function getRoleAgreement(roleId: number): Agreement {
  return getPanelAgreement({ managerId: null, roleId }).byRole.get(roleId) ?? krippendorffAlpha([]);
}
