// Panel agreement through the rollup and calibration loaders: the alpha they
// return is the pure function's on the seeded ratings, read here row by row
// (one rating per interviewer, application and area: their latest submitted).
import { afterEach, describe, expect, it } from "vitest";
import { krippendorffAlpha, observerAlpha, type ObserverUnit, type Unit } from "~/domain/agreement";
import * as calibrationRoute from "~/routes/calibration";
import * as rollupRoute from "~/routes/roles.$roleId.rollup";
import { clearDerivedCache } from "~/utils/cache.server";
import { getDb } from "~/utils/db.server";
import { cookieFor, get, invoke, roleIdByTitle, userIdByEmail } from "../support/http";

afterEach(() => clearDerivedCache());

type Rating = { roleId: number; applicationId: number; area: string; interviewerId: number; rating: number | null };

/** Every submitted rating, oldest scorecard first, so a later one by the same person replaces it. */
function ratings(managerId: number | null): Rating[] {
  return getDb()
    .$client.prepare(
      `select a.role_id roleId, i.application_id applicationId, r.area_key area, s.interviewer_id interviewerId, r.rating rating
       from scorecard_ratings r join scorecards s on s.id = r.scorecard_id join interviews i on i.id = s.interview_id
       join applications a on a.id = i.application_id
       where s.status = 'submitted' and (? is null or a.role_id in (select role_id from role_team where user_id = ? and team_role = 'hiring_manager'))
       order by s.submitted_at, s.id`,
    )
    .all(managerId, managerId) as Rating[];
}

/** Units as plain lists of who gave what, each person's latest rating; not assessed stays out. */
function unitsOf(rows: Rating[]) {
  const units = new Map<string, { roleId: number; by: Map<number, number> }>();
  for (const r of rows) {
    const key = `${r.applicationId}/${r.area}`;
    const unit = units.get(key) ?? units.set(key, { roleId: r.roleId, by: new Map() }).get(key)!;
    // Not assessed is missing: it neither counts nor takes back what the same person rated earlier.
    if (r.rating !== null) unit.by.set(r.interviewerId, r.rating);
  }
  return [...units.values()];
}

const asUnits = (units: ReturnType<typeof unitsOf>): Unit[] => units.map((u) => ({ values: [...u.by.values()] }));

function interviewerUnits(units: ReturnType<typeof unitsOf>, interviewerId: number): ObserverUnit[] {
  return units
    .filter((u) => u.by.has(interviewerId))
    .map((u) => ({ own: u.by.get(interviewerId)!, values: [...u.by.values()] }));
}

type Figure = { alpha: number | null; pairable: number; units: number; thin: string | null };
const close = (actual: Figure, expected: Figure, label: string) => {
  expect({ ...actual, alpha: null }, label).toEqual({
    ...expected,
    alpha: null,
    ...("own" in actual ? { own: (actual as { own: number }).own } : {}),
  });
  if (expected.alpha === null) expect(actual.alpha, label).toBeNull();
  else expect(actual.alpha, label).toBeCloseTo(expected.alpha, 12);
};

describe("panel agreement", () => {
  it("on the rollup is the role panel's alpha over its submitted ratings", async () => {
    const cookie = await cookieFor("morgan@northwind.test");
    const all = unitsOf(ratings(null));
    let readable = 0;
    for (const title of [
      "Senior AI Engineer, Support Copilot",
      "Data Engineer, Claims Data Readiness",
      "Freelance Eval Harness Builder",
      "ML Engineer, Fraud Scoring Models",
    ]) {
      const roleId = roleIdByTitle(title);
      const page = await invoke(rollupRoute.loader, get(`/roles/${roleId}/rollup`, cookie), { roleId: String(roleId) });
      const shown = (page.data as { agreement: Figure }).agreement;
      const expected = krippendorffAlpha(asUnits(all.filter((u) => u.roleId === roleId)));
      close(shown, expected, title);
      if (shown.thin === null) readable += 1;
    }
    // The seed has panels both readable and too thin, so both states are exercised.
    expect(readable).toBeGreaterThan(0);
    expect(readable).toBeLessThan(4);
  });

  it("on calibration is each interviewer's alpha against their co-panels, and each role's, in the viewer's scope", async () => {
    for (const email of ["morgan@northwind.test", "dana@northwind.test"]) {
      const managerId = email === "morgan@northwind.test" ? null : userIdByEmail(email);
      const page = await invoke(calibrationRoute.loader, get("/calibration", await cookieFor(email)));
      const data = page.data as {
        rows: { interviewerId: number; panelAgreement: Figure }[];
        roleAgreement: { id: number; agreement: Figure }[];
      };
      const units = unitsOf(ratings(managerId));
      const reference = asUnits(units);
      for (const row of data.rows)
        close(
          row.panelAgreement,
          observerAlpha(interviewerUnits(units, row.interviewerId), reference),
          `${email}: interviewer ${row.interviewerId}`,
        );
      expect(data.roleAgreement.length).toBeGreaterThan(0);
      for (const role of data.roleAgreement)
        close(
          role.agreement,
          krippendorffAlpha(asUnits(units.filter((u) => u.roleId === role.id))),
          `${email}: role ${role.id}`,
        );
    }
  });

  it("shows a role's figure alone when calibration is filtered to it, equal to the rollup's", async () => {
    const cookie = await cookieFor("morgan@northwind.test");
    const roleId = roleIdByTitle("Senior AI Engineer, Support Copilot");
    const calibration = (await invoke(calibrationRoute.loader, get(`/calibration?role=${roleId}`, cookie))).data as {
      roleAgreement: { id: number; agreement: Figure }[];
    };
    const rollup = (
      await invoke(rollupRoute.loader, get(`/roles/${roleId}/rollup`, cookie), { roleId: String(roleId) })
    ).data as { agreement: Figure };
    expect(calibration.roleAgreement.map((r) => r.id)).toEqual([roleId]);
    expect(calibration.roleAgreement[0].agreement).toEqual(rollup.agreement);
  });
});
