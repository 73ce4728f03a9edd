// The calibration page through its loader: each viewer's scope counted
// against plain SQL, no scope shared between managers by the cache, a new
// scorecard counted on the next load, and the roles' panels a page at a time.
import { afterEach, describe, expect, it } from "vitest";
import * as calibrationRoute from "~/routes/calibration";
import { clearDerivedCache } from "~/utils/cache.server";
import { CALIBRATION_ROLES_PAGE_SIZE } from "~/domain/calibration";
import { listRoleOptions } from "~/models/role.server";
import { getDb, schema } from "~/utils/db.server";
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

  it("lists every role's panel a page at a time in the roles list's order, finds roles by title, and narrows to one", async () => {
    const db = getDb();
    for (let k = 0; k < CALIBRATION_ROLES_PAGE_SIZE + 5; k++)
      db.insert(schema.roles)
        .values({ title: `Paging role ${k} (100%_off)`, team: "T", location: "L" })
        .run();
    type Page = {
      role: { id: number } | null;
      rows: Row[];
      roleAgreement: { id: number; title: string }[];
      rolesTotal: number;
      rolePage: number;
      rolePageCount: number;
    };
    const cookie = await cookieFor("morgan@northwind.test");
    const load = async (query: string) => {
      const page = await invoke(calibrationRoute.loader, get(`/calibration${query}`, cookie));
      expect(page.status).toBe(200);
      return page.data as Page;
    };
    const morgan = { kind: "admin" as const, id: userIdByEmail("morgan@northwind.test") };
    const every = listRoleOptions(morgan, { managedOnly: false });
    const first = await load("");
    expect(first.rolesTotal).toBe(every.length);
    expect(first.rolePageCount).toBe(Math.ceil(every.length / CALIBRATION_ROLES_PAGE_SIZE));
    expect(first.roleAgreement).toHaveLength(CALIBRATION_ROLES_PAGE_SIZE);
    // Following the pager reaches every role once, in the order the role picker used to list them.
    const listed = [...first.roleAgreement];
    for (let p = 2; p <= first.rolePageCount; p++) listed.push(...(await load(`?rolePage=${p}`)).roleAgreement);
    expect(listed.map((r) => r.id)).toEqual(every.map((r) => r.id));

    // The title search, its wildcards taken literally, and paged the same way.
    const found = await load(`?q=${encodeURIComponent("(100%_off)")}`);
    expect(found.rolesTotal).toBe(CALIBRATION_ROLES_PAGE_SIZE + 5);
    expect(found.roleAgreement.every((r) => r.title.includes("(100%_off)"))).toBe(true);
    expect((await load(`?q=${encodeURIComponent("(100%_off)")}&rolePage=2`)).roleAgreement).toHaveLength(5);
    expect((await load(`?q=${encodeURIComponent("100_%x")}`)).rolesTotal).toBe(0);

    // A role picked from the list: its interviewers and its panel alone.
    const roleId = roleIdByTitle("Senior AI Engineer, Support Copilot");
    const one = await load(`?role=${roleId}`);
    expect(one.role?.id).toBe(roleId);
    expect(one.roleAgreement.map((r) => r.id)).toEqual([roleId]);
    expect(one.rows.length).toBeGreaterThan(0);
    expect(one.rows.length).toBeLessThan(first.rows.length);
  });

  it("ignores a role the viewer may not study, and a page past the last shows the last", async () => {
    const cookie = await cookieFor("dana@northwind.test");
    const dana = userIdByEmail("dana@northwind.test");
    const notDanas = getDb()
      .$client.prepare(
        "select id from roles where id not in (select role_id from role_team where user_id = ? and team_role = 'hiring_manager') limit 1",
      )
      .get(dana) as { id: number };
    const page = await invoke(calibrationRoute.loader, get(`/calibration?role=${notDanas.id}&page=9`, cookie));
    const data = page.data as { role: unknown; rows: Row[]; page: number; roleAgreement: { id: number }[] };
    expect(data.role).toBeNull();
    expect(data.page).toBe(1);
    expect(new Map(data.rows.map((r) => [r.interviewerId, r.scorecards]))).toEqual(countsFromSql(dana));
    expect(data.roleAgreement.map((r) => r.id)).toEqual(
      listRoleOptions({ kind: "hiring_manager", id: dana }, { managedOnly: true }).map((r) => r.id),
    );
  });

  it("refuses interviewers", async () => {
    const page = await invoke(calibrationRoute.loader, get("/calibration", await cookieFor("sam@northwind.test")));
    expect(page.status).toBe(403);
  });
});
