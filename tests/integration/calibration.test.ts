// The calibration page through its loader: each viewer's scope counted
// against plain SQL, no scope shared between managers by the cache, and a new
// scorecard counted on the next load.
import { afterEach, describe, expect, it } from "vitest";
import * as calibrationRoute from "~/routes/calibration";
import { clearDerivedCache } from "~/utils/cache.server";
import { getDb } from "~/utils/db.server";
import { cookieFor, get, invoke, roleIdByTitle, userIdByEmail } from "../support/http";
import { scheduleFreshInterview, submitScorecard } from "../support/journeys";

afterEach(() => clearDerivedCache());

type Row = { interviewerId: number; scorecards: number; name: string };

async function calibrationAs(email: string, query = "") {
  const page = await invoke(calibrationRoute.loader, get(`/calibration${query}`, await cookieFor(email)));
  expect(page.status).toBe(200);
  return (page.data as { rows: Row[] }).rows;
}

/** Submitted scorecards per interviewer, on the roles `managerId` manages (or all roles). */
function countsFromSql(managerId: number | null): Map<number, number> {
  const sqlite = getDb().$client;
  const rows = sqlite
    .prepare(
      `select s.interviewer_id id, count(*) n from scorecards s join interviews i on i.id = s.interview_id join applications a on a.id = i.application_id
       where s.status = 'submitted' and (? is null or a.role_id in (select role_id from role_team where user_id = ? and team_role = 'hiring_manager'))
       group by s.interviewer_id`,
    )
    .all(managerId, managerId) as { id: number; n: number }[];
  return new Map(rows.map((r) => [r.id, r.n]));
}

describe("calibration", () => {
  it("counts, for an admin, every submitted scorecard, and for a hiring manager only those on roles they manage", async () => {
    const all = await calibrationAs("morgan@northwind.test");
    expect(new Map(all.map((r) => [r.interviewerId, r.scorecards]))).toEqual(countsFromSql(null));

    const dana = userIdByEmail("dana@northwind.test");
    const tomas = userIdByEmail("tomas@northwind.test");
    const danas = await calibrationAs("dana@northwind.test");
    expect(new Map(danas.map((r) => [r.interviewerId, r.scorecards]))).toEqual(countsFromSql(dana));
    // Tomás's page right after Dana's: the cache keeps managers apart.
    const tomass = await calibrationAs("tomas@northwind.test");
    expect(new Map(tomass.map((r) => [r.interviewerId, r.scorecards]))).toEqual(countsFromSql(tomas));
    expect(countsFromSql(dana)).not.toEqual(countsFromSql(tomas));
  });

  it("counts a scorecard submitted since the last load", async () => {
    const roleId = roleIdByTitle("Senior AI Engineer, Support Copilot");
    const sam = userIdByEmail("sam@northwind.test");
    const samsCount = async () =>
      (await calibrationAs("morgan@northwind.test")).find((r) => r.interviewerId === sam)?.scorecards ?? 0;
    const before = await samsCount();

    const { interviewId } = await scheduleFreshInterview(roleId, "sam@northwind.test");
    expect(
      await submitScorecard(interviewId, "sam@northwind.test", {
        rating_evals: "3",
        evidence_evals: "Walked through a regression suite",
        recommendation: "yes",
        keyTakeaways: "Solid",
      }),
    ).toBe(302);
    expect(await samsCount()).toBe(before + 1);
  });

  it("refuses interviewers", async () => {
    const page = await invoke(calibrationRoute.loader, get("/calibration", await cookieFor("sam@northwind.test")));
    expect(page.status).toBe(403);
  });
});
