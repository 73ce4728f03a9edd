// Pay, rates and background-check findings never reach interviewers: seed
// unique marker values, then request every page an interviewer can load and
// look for them in the data each loader returns.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { saveCheck } from "~/models/compliance.server";
import { getDb, schema } from "~/utils/db.server";
import { cookieFor, get, invoke, userIdByEmail } from "../support/http";
import { expectedMatrix, personaEmails } from "../support/route-matrix";
import { routes, sample } from "../support/routes";

const markers = {
  pay: 987_654_321,
  budget: 76_543_210,
  rate: 87_654,
  finding: "BGMARKER-7741 county record",
};
const markerPatterns = [/987,?654,?321/, /76,?543,?210/, /87,?654/, /BGMARKER-7741/];

beforeAll(() => {
  const { params } = sample("routes/applications.$applicationId._index");
  const db = getDb();
  const app = db
    .select()
    .from(schema.applications)
    .where(eq(schema.applications.id, Number(params.applicationId)))
    .get()!;
  db.update(schema.candidates)
    .set({ payKind: "annual", payAmount: markers.pay })
    .where(eq(schema.candidates.id, app.candidateId!))
    .run();
  db.update(schema.roles)
    .set({ budgetKind: "salary", budgetMin: 1000, budgetMax: markers.budget })
    .where(eq(schema.roles.id, app.roleId))
    .run();
  db.update(schema.agencies).set({ rateMax: markers.rate }).run();
  const existing = db
    .select()
    .from(schema.complianceChecks)
    .where(eq(schema.complianceChecks.candidateId, app.candidateId!))
    .all()
    .find((c) => c.type === "background_check");
  const saved = saveCheck({
    subject: { applicationId: app.id, candidateId: app.candidateId, agencyId: null },
    values: {
      type: "background_check",
      status: "verified",
      classification: null,
      rationale: null,
      waiverReason: null,
      expiresAt: null,
      evidenceRef: "BG-1",
      detail: markers.finding,
      version: existing?.version ?? null,
    },
    actorId: userIdByEmail("priya@northwind.test"),
  });
  expect(saved.ok).toBe(true);
});

async function everyLoaderResponse(email: string): Promise<{ routeId: string; body: string }[]> {
  const out: { routeId: string; body: string }[] = [];
  for (const routeId of Object.keys(expectedMatrix)) {
    const loader = routes[routeId].loader;
    if (!loader) continue;
    const { path, params } = sample(routeId);
    const result = await invoke(loader, get(path, await cookieFor(email)), params);
    out.push({
      routeId,
      body: `${result.status} ${typeof result.data === "string" ? result.data : JSON.stringify(result.data)}`,
    });
  }
  return out;
}

describe("interviewer privacy", () => {
  it("sends no marker to an interviewer on the role's team, on any page they can load", async () => {
    const responses = await everyLoaderResponse(personaEmails.interviewerOnTeam);
    // They can open the role, the candidate and the application: the places pay would be.
    const reachable = responses.filter((r) => r.body.startsWith("200")).map((r) => r.routeId);
    expect(reachable).toEqual(
      expect.arrayContaining([
        "routes/roles.$roleId._index",
        "routes/candidates.$candidateId._index",
        "routes/applications.$applicationId._index",
      ]),
    );
    for (const { routeId, body } of responses) {
      for (const pattern of markerPatterns) expect(body, `${routeId} leaked ${pattern}`).not.toMatch(pattern);
    }
  });

  it("does show them to the role's hiring manager and to HR (so the markers are real)", async () => {
    for (const email of [personaEmails.managerOfRole, personaEmails.recruiter]) {
      const all = (await everyLoaderResponse(email)).map((r) => r.body).join("\n");
      for (const pattern of markerPatterns) expect(all, `${email} should see ${pattern}`).toMatch(pattern);
    }
  });
});
