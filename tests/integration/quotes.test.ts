// Agency quotes, recorded on the bid's own page (the role's cost page lists them): one zod schema, 400 with
// nothing written on bad input, only agency bids, and the figure reaches the rollup.
import { and, eq, isNotNull } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as applicationRoute from "~/routes/applications.$applicationId._index";
import * as costsRoute from "~/routes/roles.$roleId.costs";
import * as rollupRoute from "~/routes/roles.$roleId.rollup";
import { getDb, schema } from "~/utils/db.server";
import { cookieFor, get, invoke, latestAudit, post, roleIdByTitle, totalChanges } from "../support/http";

const salesRole = () => roleIdByTitle("Agency Pod, Sales Email Assistant");
const bidOn = (roleId: number) =>
  getDb()
    .select()
    .from(schema.applications)
    .where(and(eq(schema.applications.roleId, roleId), isNotNull(schema.applications.agencyId)))
    .get()!;

const cookies = new Map<string, string>();
/** Sign in first (a session is a write), then post the quote form on the bid's page. */
async function signedIn(email = "priya@northwind.test") {
  if (!cookies.has(email)) cookies.set(email, await cookieFor(email));
  const cookie = cookies.get(email)!;
  return (_roleId: number, { applicationId, ...fields }: Record<string, string>) =>
    invoke(
      applicationRoute.action,
      post(`/applications/${applicationId}`, { intent: "quote", quoteCurrency: "USD", ...fields }, { cookie }),
      { applicationId },
    );
}

describe("agency quotes", () => {
  it("lists the role's agency bids with their quotes", async () => {
    const out = await invoke(
      costsRoute.loader,
      get(`/roles/${salesRole()}/costs`, await cookieFor("priya@northwind.test")),
      { roleId: String(salesRole()) },
    );
    const bids = (out.data as { bids: { id: number; agencyName: string; quoteAmount: number | null }[] }).bids;
    expect(bids).toEqual([
      expect.objectContaining({ id: bidOn(salesRole()).id, agencyName: "Forge AI Delivery", quoteAmount: null }),
    ]);
  });

  it("refuses bad amounts with a message on the field and writes nothing", async () => {
    const quote = await signedIn();
    const bid = bidOn(salesRole());
    for (const [amount, message] of [
      ["", /Enter the agency's quoted price/],
      ["12.5", /whole number/],
      ["0", /between 1 and 50,000,000/],
      ["abc", /whole number/],
    ] as const) {
      const before = totalChanges();
      const out = await quote(salesRole(), {
        applicationId: String(bid.id),
        version: String(bid.version),
        quoteAmount: amount,
      });
      expect(out.status).toBe(400);
      expect((out.data as { fieldErrors: Record<string, string[]> }).fieldErrors.quoteAmount?.[0]).toMatch(message);
      expect(totalChanges()).toBe(before);
    }
  });

  it("refuses an application that is not an agency bid, and a stale form, writing nothing", async () => {
    const quote = await signedIn();
    const person = getDb()
      .select()
      .from(schema.applications)
      .where(and(eq(schema.applications.roleId, salesRole()), isNotNull(schema.applications.candidateId)))
      .get();
    const other =
      person ?? getDb().select().from(schema.applications).where(isNotNull(schema.applications.candidateId)).get()!;
    const before = totalChanges();
    expect(
      (
        await quote(salesRole(), {
          applicationId: String(other.id),
          version: String(other.version),
          quoteAmount: "1000",
        })
      ).status,
    ).toBe(404);
    const bid = bidOn(salesRole());
    expect(
      (
        await quote(salesRole(), {
          applicationId: String(bid.id),
          version: String(bid.version + 5),
          quoteAmount: "1000",
        })
      ).status,
    ).toBe(409);
    expect(totalChanges()).toBe(before);
  });

  it("saves the quote and the rollup costs the bid at it", async () => {
    const quote = await signedIn();
    const bid = bidOn(salesRole());
    const out = await quote(salesRole(), {
      applicationId: String(bid.id),
      version: String(bid.version),
      quoteAmount: "240000",
    });
    expect(out.status).toBe(302);
    expect(bidOn(salesRole())).toMatchObject({ quoteAmount: 240_000, version: bid.version + 1 });
    // The audit log says the quote changed, never what it is.
    const [entry] = latestAudit();
    expect(entry).toMatchObject({ action: "application.quote", applicationId: bid.id });
    expect(JSON.stringify(entry)).not.toContain("240000");
    const page = await invoke(
      rollupRoute.loader,
      get(`/roles/${salesRole()}/rollup`, await cookieFor("priya@northwind.test")),
      { roleId: String(salesRole()) },
    );
    const row = (page.data as { rows: { id: number; cost: { total: number | null } | null }[] }).rows.find(
      (r) => r.id === bid.id,
    )!;
    expect(row.cost?.total).toBe(240_000);
  });

  it("is refused to an interviewer", async () => {
    const quote = await signedIn("sam@northwind.test");
    const bid = bidOn(salesRole());
    const before = totalChanges();
    const out = await quote(salesRole(), {
      applicationId: String(bid.id),
      version: String(bid.version),
      quoteAmount: "1",
    });
    expect(out.status).toBe(403);
    expect(totalChanges()).toBe(before);
  });
});

describe("cost assumptions", () => {
  const supportRole = () => roleIdByTitle("Senior AI Engineer, Support Copilot");
  const good = {
    overheadPct: "30",
    recruitingCost: "25000",
    teamHours: "50",
    teamHourlyCost: "150",
    toolingCost: "10000",
    rampMonths: "4",
    wrongRoleRiskPct: "10",
    expectedHours: "1200",
    contractorOverrunPct: "15",
    freelancerOverrunPct: "30",
  };
  const save = async (fields: Record<string, string>) => {
    const roleId = supportRole();
    const role = getDb().select().from(schema.roles).where(eq(schema.roles.id, roleId)).get()!;
    const cookie = cookies.get("dana@northwind.test")!;
    return invoke(
      costsRoute.action,
      post(`/roles/${roleId}/costs`, { intent: "assumptions", version: String(role.version), ...fields }, { cookie }),
      { roleId: String(roleId) },
    );
  };

  it("refuses bad values with the field's own label in the message, keeps what was typed, and writes nothing", async () => {
    cookies.set("dana@northwind.test", await cookieFor("dana@northwind.test"));
    for (const [field, value, message] of [
      ["recruitingCost", "-5000", "Recruiting or sourcing cost per hire must be between 0 and 1,000,000"],
      ["overheadPct", "", "Benefits, payroll and equipment is required"],
      ["expectedHours", "lots", "Expected contract hours in year one must be a whole number"],
      ["rampMonths", "36", "Months until fully productive, at half output meanwhile must be between 0 and 24"],
    ] as const) {
      const before = totalChanges();
      const out = await save({ ...good, [field]: value });
      expect(out.status).toBe(400);
      const body = out.data as { fieldErrors: Record<string, string[]>; values: Record<string, string> };
      expect(Object.keys(body.fieldErrors)).toEqual([field]);
      expect(body.fieldErrors[field][0]).toBe(message);
      expect(body.values).toMatchObject({ ...good, [field]: value });
      expect(totalChanges()).toBe(before);
    }
  });

  it("saves them, says so, and every first-year cost on the role follows", async () => {
    const out = await save(good);
    expect(out.status).toBe(302);
    expect(out.location).toBe(`/roles/${supportRole()}/costs?saved=assumptions`);
    // Read by HR, who grades nobody on this role anonymously and so sees every row's cost.
    const page = await invoke(
      rollupRoute.loader,
      get(`/roles/${supportRole()}/rollup?sort=cost`, await cookieFor("priya@northwind.test")),
      { roleId: String(supportRole()) },
    );
    const data = page.data as {
      assumptions: Record<string, number>;
      rows: { engagement: string; cost: { total: number | null } | null }[];
    };
    expect(data.assumptions).toMatchObject({ overheadPct: 30, recruitingCost: 25_000, expectedHours: 1_200 });
    const hires = getDb()
      .select({
        id: schema.applications.id,
        payKind: schema.candidates.payKind,
        payAmount: schema.candidates.payAmount,
        payCurrency: schema.candidates.payCurrency,
        engagementType: schema.candidates.engagementType,
      })
      .from(schema.applications)
      .innerJoin(schema.candidates, eq(schema.candidates.id, schema.applications.candidateId))
      .where(eq(schema.applications.roleId, supportRole()))
      .all()
      .filter(
        (a) => a.engagementType === "full_time" && a.payKind === "annual" && a.payAmount && a.payCurrency === "USD",
      );
    expect(hires.length).toBeGreaterThan(0);
    // A hire of salary S: S + 30% + 25,000 + 50 h × 150 + 10,000 + half of 4 months + 10%.
    const expected = (s: number) =>
      s + Math.round(s * 0.3) + 25_000 + 7_500 + 10_000 + Math.round(((s / 12) * 4) / 2) + Math.round(s * 0.1);
    const totals = data.rows.filter((r) => r.engagement === "full_time").map((r) => r.cost?.total);
    for (const h of hires) expect(totals).toContain(expected(h.payAmount!));
  });
});
