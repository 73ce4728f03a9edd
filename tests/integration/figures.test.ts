// One figure everywhere: an application's weighted total and take-home result
// read the same on its own page, the role rollup, the comparison and the CSV,
// whatever happened to the role's template since; and a hidden score says why.
import { and, eq } from "drizzle-orm";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { areasFilledAgainst, weightedTotal, type TemplateArea } from "~/domain/scorecard";
import { getRollupForViewer } from "~/models/rollup-view.server";
import { getRoleRollup } from "~/models/rollup.server";
import { getCurrentTemplate } from "~/models/template.server";
import * as appPage from "~/routes/applications.$applicationId._index";
import * as compareRoute from "~/routes/roles.$roleId.compare";
import * as csvRoute from "~/routes/roles.$roleId.compare[.csv]";
import { getDb, schema } from "~/utils/db.server";
import { cookieFor, get, invoke, roleIdByTitle, userIdByEmail } from "../support/http";
import { scheduleFreshInterview, submitScorecard } from "../support/journeys";

const ROLE = "Senior AI Engineer, Support Copilot";

type CompareData = {
  candidates: {
    id: number;
    summary: { weightedTotal: number | null; scorecards: number };
    takeHome: { title: string; result: { overall: number | null } } | null;
  }[];
};

async function figuresEverywhere(roleId: number, ids: number[], email: string) {
  const cookie = await cookieFor(email);
  const params = { roleId: String(roleId) };
  const query = `ids=${ids.join(",")}`;
  const compare = (await invoke(compareRoute.loader, get(`/roles/${roleId}/compare?${query}`, cookie), params))
    .data as CompareData;
  const csvText = await (
    await csvRoute.loader({
      request: get(`/roles/${roleId}/compare.csv?${query}`, cookie),
      params,
      context: {} as never,
    })
  ).text();
  const csv = Papa.parse<string[]>(csvText.replace(/^\uFEFF/, "").trim()).data;
  const csvRow = (label: string) => csv.find((r) => r[0] === label)!.slice(1);
  const pages = await Promise.all(
    ids.map(
      async (id) =>
        (await invoke(appPage.loader, get(`/applications/${id}`, cookie), { applicationId: String(id) })).data as {
          feedback: {
            summary: { weightedTotal: number | null; areas: { key: string; average: number | null }[] } | null;
          };
        },
    ),
  );
  return {
    compare,
    csvTotals: csvRow("Weighted total"),
    csvTakeHome: csvRow("Take-home overall (of 4)"),
    csvRow,
    pages,
  };
}

describe("one weighted total everywhere", () => {
  it("keeps every page on the template versions the scorecards were filled with after the role's template changes", async () => {
    const db = getDb();
    const roleId = roleIdByTitle(ROLE);
    const before = getRoleRollup(roleId)!;
    const scored = before.rows.filter((r) => r.weightedTotal !== null && r.scorecards >= 2).slice(0, 3);
    expect(scored.length).toBe(3);
    const ids = scored.map((r) => r.id);

    // The hiring manager reweights evals to x5 and drops business communication: a new version, used by no scorecard yet.
    const current = getCurrentTemplate(roleId);
    const v2areas: TemplateArea[] = current.areas
      .filter((a) => a.key !== "business_communication")
      .map((a) => (a.key === "evals" ? { ...a, weight: 5 } : a));
    db.insert(schema.scorecardTemplates)
      .values({ roleId, version: current.version + 1, areas: v2areas, createdAt: new Date() })
      .run();
    expect(getCurrentTemplate(roleId).version).toBe(current.version + 1);

    const after = getRoleRollup(roleId)!;
    const { compare, csvTotals, csvRow, pages } = await figuresEverywhere(roleId, ids, "dana@northwind.test");
    // The CSV says how many scorecards each total rests on, as the rollup counts them.
    expect(csvRow("Scorecards submitted").map(Number)).toEqual(
      ids.map((id) => before.rows.find((r) => r.id === id)!.scorecards),
    );
    expect(compare.candidates.map((c) => c.summary.scorecards)).toEqual(
      ids.map((id) => before.rows.find((r) => r.id === id)!.scorecards),
    );
    ids.forEach((id, i) => {
      const total = before.rows.find((r) => r.id === id)!.weightedTotal;
      const summary = pages[i].feedback.summary!;
      expect(summary.weightedTotal, "application page").toBe(total);
      expect(after.rows.find((r) => r.id === id)!.weightedTotal, "rollup").toBe(total);
      expect(compare.candidates.find((c) => c.id === id)!.summary.weightedTotal, "comparison").toBe(total);
      expect(Number(csvTotals[i]), "CSV").toBe(total);
    });
    // The new version would have given different totals, so the check above means something.
    const rescored = pages.map(
      (p) => weightedTotal(v2areas, Object.fromEntries(p.feedback.summary!.areas.map((a) => [a.key, a.average]))).total,
    );
    expect(rescored).not.toEqual(ids.map((id) => before.rows.find((r) => r.id === id)!.weightedTotal));

    // A new interview of the first candidate, scored on the new version: that application now mixes versions, and every
    // page sums it against the new version's areas and weights plus business communication from the older one.
    const first = db.select().from(schema.interviews).where(eq(schema.interviews.applicationId, ids[0])).get()!;
    const extra = db
      .insert(schema.interviews)
      .values({
        applicationId: ids[0],
        kind: "system_design",
        startsAt: first.startsAt,
        endsAt: first.endsAt,
        focusAreas: v2areas.map((a) => a.key),
      })
      .returning()
      .get();
    db.insert(schema.interviewPanel)
      .values({ interviewId: extra.id, userId: userIdByEmail("riley@northwind.test") })
      .run();
    const ratings = Object.fromEntries(v2areas.map((a) => [`rating_${a.key}`, a.key === "evals" ? "1" : "4"]));
    expect(await submitScorecard(String(extra.id), "riley@northwind.test", { recommendation: "no", ...ratings })).toBe(
      302,
    );
    const mixed = await figuresEverywhere(roleId, ids, "dana@northwind.test");
    const page = mixed.pages[0].feedback.summary! as {
      weightedTotal: number | null;
      areas: { key: string; average: number | null }[];
      versions: number[];
    };
    const averages = Object.fromEntries(page.areas.map((a) => [a.key, a.average]));
    // The versions its scorecards used, read from the database: the demo's first one and the new one.
    expect(page.versions).toContain(current.version + 1);
    expect(page.versions.length).toBeGreaterThan(1);
    const used = db
      .select()
      .from(schema.scorecardTemplates)
      .where(eq(schema.scorecardTemplates.roleId, roleId))
      .all()
      .filter((t) => page.versions.includes(t.version));
    const expected = weightedTotal(
      areasFilledAgainst(
        used.map((t) => ({ version: t.version, areas: t.areas as TemplateArea[] })),
        [],
      ),
      averages,
    ).total;
    expect(page.weightedTotal, "application page").toBe(expected);
    expect(getRoleRollup(roleId)!.rows.find((r) => r.id === ids[0])!.weightedTotal, "rollup").toBe(expected);
    expect(mixed.compare.candidates.find((c) => c.id === ids[0])!.summary.weightedTotal, "comparison").toBe(expected);
    expect(Number(mixed.csvTotals[0]), "CSV").toBe(expected);
    // And it is not the new version alone.
    expect(expected).not.toBe(weightedTotal(v2areas, averages).total);
  });
});

describe("one take-home result everywhere", () => {
  it("counts each application's latest take-home, with the take-home page's rule, on the rollup, comparison and CSV", async () => {
    const db = getDb();
    const roleId = roleIdByTitle(ROLE);
    const rows = getRoleRollup(roleId)!.rows;
    const withTakeHome = db
      .select()
      .from(schema.takeHomes)
      .innerJoin(schema.applications, eq(schema.applications.id, schema.takeHomes.applicationId))
      .all()
      .filter((t) => t.applications.roleId === roleId && !t.take_homes.anonymous);
    const target =
      withTakeHome[0]?.applications ??
      db.select().from(schema.applications).where(eq(schema.applications.roleId, roleId)).get()!;
    const other = rows.find((r) => r.id !== target.id && r.id > 0)!;
    // A second, later take-home graded by two graders: 4s from one, 2s (and one deliverable left blank) from the other.
    const later = db
      .insert(schema.takeHomes)
      .values({
        applicationId: target.id,
        title: "Second take-home",
        instructions: "Redo",
        timeBoxHours: 4,
        dueOn: "2026-12-01",
        status: "graded",
        anonymous: false,
        alias: "Candidate X-1",
        createdAt: new Date(Date.now() + 60_000),
      })
      .returning()
      .get();
    const grade = (graderEmail: string, score: number, blank: boolean, costCeilingRespected: boolean) =>
      db
        .insert(schema.takeHomeGrades)
        .values({
          takeHomeId: later.id,
          graderId: userIdByEmail(graderEmail),
          diagnosis: score,
          evalPlan: score,
          architecture: score,
          monitoring: score,
          costControl: score,
          notBuilding: blank ? null : score,
          outcomesReached: 8,
          costCeilingRespected,
          status: "submitted",
        })
        .run();
    db.insert(schema.takeHomeGraders)
      .values(
        ["sam@northwind.test", "jordan@northwind.test"].map((email) => ({
          takeHomeId: later.id,
          userId: userIdByEmail(email),
        })),
      )
      .run();
    grade("sam@northwind.test", 4, false, true);
    // One grader says the cost ceiling was broken: that is flagged, as one grader's word (1 of 2), not as fact.
    grade("jordan@northwind.test", 2, true, false);
    // Per deliverable: five at (4+2)/2 = 3 and "what they would not build" at 4; overall (5x3 + 4)/6 = 3.17.
    const expected = 3.17;

    const rollupRow = getRoleRollup(roleId)!.rows.find((r) => r.id === target.id)!;
    expect(rollupRow.takeHome).toMatchObject({
      status: "graded",
      overall: expected,
      outcomes: 8,
      broken: "Broke the cost ceiling (1 of 2 graders)",
    });
    const { compare, csvTakeHome, csvRow } = await figuresEverywhere(
      roleId,
      [target.id, other.id],
      "dana@northwind.test",
    );
    expect(compare.candidates[0].takeHome).toMatchObject({
      title: "Second take-home",
      result: { overall: expected, costCeilingRespected: false, securityRespected: null },
    });
    expect(Number(csvTakeHome[0])).toBe(expected);
    // The CSV has the rubric row by row: the deliverables, the outcomes, and the constraints as the graders left them.
    expect(csvRow("Take-home status")[0]).toBe("Graded by 2 graders");
    expect(csvRow("Take-home: diagnosis of the failure (of 4)")[0]).toBe("3");
    expect(csvRow("Take-home: what they would not build yet (of 4)")[0]).toBe("4");
    expect(csvRow("Take-home: expected outcomes reached (of 10)")[0]).toBe("8");
    expect(csvRow("Take-home: cost ceiling respected")[0]).toBe("no (1 of 2 graders)");
    expect(csvRow("Take-home: security constraint respected")[0]).toBe("");
  });
});

describe("a hidden score says why", () => {
  it("tells a panel member their scorecard is pending, and anyone else that feedback is blind", () => {
    const db = getDb();
    const roleId = roleIdByTitle(ROLE);
    const sam = db.select().from(schema.users).where(eq(schema.users.email, "sam@northwind.test")).get()!;
    // Sam's own seats on the role's interviews, with his scorecard's state.
    const seats = db
      .select({ applicationId: schema.interviews.applicationId, status: schema.scorecards.status })
      .from(schema.interviewPanel)
      .innerJoin(schema.interviews, eq(schema.interviews.id, schema.interviewPanel.interviewId))
      .leftJoin(
        schema.scorecards,
        and(eq(schema.scorecards.interviewId, schema.interviews.id), eq(schema.scorecards.interviewerId, sam.id)),
      )
      .where(eq(schema.interviewPanel.userId, sam.id))
      .all();
    const pendingOn = new Set(seats.filter((s) => s.status !== "submitted").map((s) => s.applicationId));
    const submittedOn = new Set(seats.filter((s) => !pendingOn.has(s.applicationId)).map((s) => s.applicationId));

    const view = getRollupForViewer(getRoleRollup(roleId)!, { id: sam.id, kind: "interviewer" }, "interviewer");
    const reasons = new Set(view.rows.map((r) => r.scoresHidden));
    expect(reasons).toContain("blind");
    expect(reasons).toContain("pending");
    for (const r of view.rows) {
      if (r.masked) expect(r.scoresHidden).toBe("grading");
      else if (pendingOn.has(r.id)) expect(r.scoresHidden, `application ${r.id}`).toBe("pending");
      else if (submittedOn.has(r.id)) expect(r.scoresHidden, `application ${r.id}`).toBeNull();
      else expect(r.scoresHidden, `application ${r.id}`).toBe("blind");
    }
  });
});

describe("cost in the role's currency", () => {
  it("gives no estimate for pay stated in another currency, and says why, on the rollup and in the CSV", async () => {
    const db = getDb();
    const roleId = roleIdByTitle(ROLE);
    const priced = getRoleRollup(roleId)!
      .rows.filter((r) => r.cost.total !== null && r.engagement !== "agency_bid")
      .slice(0, 2);
    expect(priced.length).toBe(2);
    const app = db.select().from(schema.applications).where(eq(schema.applications.id, priced[0].id)).get()!;
    db.update(schema.candidates).set({ payCurrency: "EUR" }).where(eq(schema.candidates.id, app.candidateId!)).run();
    const row = getRoleRollup(roleId)!.rows.find((r) => r.id === app.id)!;
    expect(row.cost).toEqual({
      total: null,
      lines: [],
      missing: "Pay is in EUR, the role's budget in USD",
      covers: null,
      fullYear: null,
    });
    const cookie = await cookieFor("dana@northwind.test");
    const csv = await (
      await csvRoute.loader({
        request: get(`/roles/${roleId}/compare.csv?ids=${priced.map((r) => r.id).join(",")}`, cookie),
        params: { roleId: String(roleId) },
        context: {} as never,
      })
    ).text();
    expect(csv).toMatch(/Estimated first-year cost \(USD\),"Pay is in EUR, the role's budget in USD",\d+/);
  });
});

describe("two scorecards by one person", () => {
  it("are told apart by the interview on the comparison, as on the application's page", async () => {
    const roleId = roleIdByTitle(ROLE);
    const { applicationId, interviewId } = await scheduleFreshInterview(roleId, "sam@northwind.test");
    expect(await submitScorecard(interviewId, "sam@northwind.test", { recommendation: "yes", rating_evals: "3" })).toBe(
      302,
    );
    // A second interview of another kind on the same application, Sam on the panel again.
    const db = getDb();
    const first = db
      .select()
      .from(schema.interviews)
      .where(eq(schema.interviews.id, Number(interviewId)))
      .get()!;
    const second = db
      .insert(schema.interviews)
      .values({
        applicationId,
        kind: "system_design",
        startsAt: first.startsAt,
        endsAt: first.endsAt,
        focusAreas: ["evals"],
      })
      .returning()
      .get();
    db.insert(schema.interviewPanel)
      .values({ interviewId: second.id, userId: userIdByEmail("sam@northwind.test") })
      .run();
    expect(
      await submitScorecard(String(second.id), "sam@northwind.test", { recommendation: "no", rating_evals: "1" }),
    ).toBe(302);

    const other = getRoleRollup(roleId)!.rows.find((r) => r.id !== applicationId && r.weightedTotal !== null)!;
    const { compare, pages } = await figuresEverywhere(roleId, [applicationId, other.id], "dana@northwind.test");
    type Named = { areas: { key: string; ratings: { interviewerName: string }[] }[] };
    const names = (s: Named) =>
      s.areas
        .find((a) => a.key === "evals")!
        .ratings.map((r) => r.interviewerName)
        .sort();
    const onCompare = names(compare.candidates[0].summary as unknown as Named);
    expect(onCompare).toEqual(["Sam Chen (Screen)", "Sam Chen (System design)"]);
    expect(onCompare).toEqual(names(pages[0].feedback.summary as unknown as Named));
  });
});
