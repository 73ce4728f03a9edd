// What hiring managers may find (agencies' bids, people they added) and inputs refused at the edges.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as agencyPage from "~/routes/agencies.$agencyId._index";
import * as checksRoute from "~/routes/applications.$applicationId.checks";
import * as candidatePage from "~/routes/candidates.$candidateId._index";
import * as candidateNew from "~/routes/candidates.new";
import * as candidatesList from "~/routes/candidates._index";
import * as importRoute from "~/routes/candidates.import";
import * as addRoute from "~/routes/roles.$roleId.applications.new";
import { getDb, schema } from "~/utils/db.server";
import { cookieFor, get, invoke, post, roleIdByTitle } from "../support/http";
import { sample } from "../support/routes";

describe("hiring managers", () => {
  it("see an agency's bids and submissions only for roles they are on", async () => {
    const meridian = getDb()
      .select()
      .from(schema.agencies)
      .where(eq(schema.agencies.name, "Meridian Talent Partners"))
      .get()!;
    const danaRoles = [
      "Senior AI Engineer, Support Copilot",
      "RAG Contractor, Contract Review Pilot",
      "Agency Pod, Sales Email Assistant",
      "Freelance Eval Harness Builder",
    ].map(roleIdByTitle);
    const dana = await invoke(
      agencyPage.loader,
      get(`/agencies/${meridian.id}`, await cookieFor("dana@northwind.test")),
      { agencyId: String(meridian.id) },
    );
    const { submissions, bids } = dana.data as { submissions: { roleId: number }[]; bids: { roleId: number }[] };
    expect([...submissions, ...bids].every((s) => danaRoles.includes(s.roleId))).toBe(true);
    const priya = await invoke(
      agencyPage.loader,
      get(`/agencies/${meridian.id}`, await cookieFor("priya@northwind.test")),
      { agencyId: String(meridian.id) },
    );
    expect((priya.data as { submissions: unknown[] }).submissions.length).toBeGreaterThan(submissions.length);
  });

  it("can open and find a candidate they added who is not on a role yet", async () => {
    const cookie = await cookieFor("dana@northwind.test");
    const out = await invoke(
      candidateNew.action,
      post(
        "/candidates/new",
        {
          name: "Orphan Person",
          email: "orphan@example.com",
          engagementType: "full_time",
          payCurrency: "USD",
          source: "referral",
        },
        { cookie },
      ),
    );
    const id = out.location!.match(/\/candidates\/(\d+)/)![1];
    expect((await invoke(candidatePage.loader, get(`/candidates/${id}`, cookie), { candidateId: id })).status).toBe(
      200,
    );
    const found = await invoke(candidatesList.loader, get("/candidates?q=orphan", cookie));
    expect((found.data as { result: { total: number } }).result.total).toBe(1);
    // Another hiring manager cannot.
    expect(
      (
        await invoke(candidatePage.loader, get(`/candidates/${id}`, await cookieFor("tomas@northwind.test")), {
          candidateId: id,
        })
      ).status,
    ).toBe(403);
  });
});

describe("inputs refused at the edges", () => {
  it("refuses a CSV that is not UTF-8", async () => {
    const out = await invoke(
      importRoute.action,
      post(
        "/candidates/import",
        { intent: "preview", csv: "name,email\nJos\uFFFD Garc\uFFFDa,jose@example.com" },
        { cookie: await cookieFor("priya@northwind.test") },
      ),
    );
    expect(out.status).toBe(400);
    expect((out.data as { check: { fileErrors: string[] } }).check.fileErrors[0]).toMatch(/not UTF-8/);
  });

  it("refuses waiving a worker classification, with a real 400 from the resource route", async () => {
    const { params } = sample("routes/applications.$applicationId.checks");
    const out = await invoke(
      checksRoute.action,
      post(
        `/applications/${params.applicationId}/checks`,
        { type: "worker_classification", status: "waived", waiverReason: "because" },
        { cookie: await cookieFor("priya@northwind.test") },
      ),
      params,
    );
    expect(out.status).toBe(400);
    expect((out.data as { fieldErrors: Record<string, string[]> }).fieldErrors.status[0]).toMatch(/cannot be waived/);
  });

  it("refuses an agency submission dated in the future", async () => {
    const roleId = String(roleIdByTitle("RAG Contractor, Contract Review Pilot"));
    const candidate = getDb().select().from(schema.candidates).get()!;
    const agency = getDb().select().from(schema.agencies).get()!;
    const out = await invoke(
      addRoute.action,
      post(
        `/roles/${roleId}/applications/new`,
        {
          subject: "candidate",
          candidateId: String(candidate.id),
          submittedByAgencyId: String(agency.id),
          submittedOn: "2199-12-31",
        },
        { cookie: await cookieFor("priya@northwind.test") },
      ),
      { roleId },
    );
    expect((out.data as { fieldErrors: Record<string, string[]> }).fieldErrors.submittedOn).toEqual([
      "A submission date cannot be in the future",
    ]);
  });

  it("matches skills by value, so punctuation finds nothing", async () => {
    const cookie = await cookieFor("priya@northwind.test");
    for (const q of ['"', ",", "["]) {
      const out = await invoke(candidatesList.loader, get(`/candidates?q=${encodeURIComponent(q)}`, cookie));
      expect((out.data as { result: { total: number } }).result.total, q).toBe(0);
    }
  });
});
