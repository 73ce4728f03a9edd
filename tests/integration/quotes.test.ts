// Agency quotes on a role's cost page: one zod schema, 400 with nothing
// written on bad input, only bids on that role, and the figure reaches the rollup.
import { and, eq, isNotNull } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as costsRoute from "~/routes/roles.$roleId.costs";
import * as rollupRoute from "~/routes/roles.$roleId.rollup";
import { getDb, schema } from "~/utils/db.server";
import { cookieFor, get, invoke, post, roleIdByTitle, totalChanges } from "../support/http";

const salesRole = () => roleIdByTitle("Agency Pod, Sales Email Assistant");
const bidOn = (roleId: number) =>
  getDb().select().from(schema.applications).where(and(eq(schema.applications.roleId, roleId), isNotNull(schema.applications.agencyId))).get()!;

const cookies = new Map<string, string>();
/** Sign in first (a session is a write), then post the quote form. */
async function signedIn(email = "priya@northwind.test") {
  if (!cookies.has(email)) cookies.set(email, await cookieFor(email));
  const cookie = cookies.get(email)!;
  return (roleId: number, fields: Record<string, string>) =>
    invoke(costsRoute.action, post(`/roles/${roleId}/costs`, { intent: "quote", ...fields }, { cookie }), { roleId: String(roleId) });
}

describe("agency quotes", () => {
  it("lists the role's agency bids with their quotes", async () => {
    const out = await invoke(costsRoute.loader, get(`/roles/${salesRole()}/costs`, await cookieFor("priya@northwind.test")), { roleId: String(salesRole()) });
    const bids = (out.data as { bids: { id: number; agencyName: string; quoteAmount: number | null }[] }).bids;
    expect(bids).toEqual([expect.objectContaining({ id: bidOn(salesRole()).id, agencyName: "Forge AI Delivery", quoteAmount: null })]);
  });

  it("refuses bad amounts with a message on the field and writes nothing", async () => {
    const quote = await signedIn();
    const bid = bidOn(salesRole());
    for (const [amount, message] of [["", /Enter the agency's quoted price/], ["12.5", /whole number/], ["0", /between 1 and 50000000/], ["abc", /whole number/]] as const) {
      const before = totalChanges();
      const out = await quote(salesRole(), { applicationId: String(bid.id), version: String(bid.version), quoteAmount: amount });
      expect(out.status).toBe(400);
      expect((out.data as { fieldErrors: Record<string, string[]> }).fieldErrors.quoteAmount?.[0]).toMatch(message);
      expect(totalChanges()).toBe(before);
    }
  });

  it("refuses a bid from another role, and a stale form, writing nothing", async () => {
    const quote = await signedIn();
    const other = bidOn(roleIdByTitle("RAG Contractor, Contract Review Pilot"));
    const before = totalChanges();
    expect((await quote(salesRole(), { applicationId: String(other.id), version: String(other.version), quoteAmount: "1000" })).status).toBe(404);
    const bid = bidOn(salesRole());
    expect((await quote(salesRole(), { applicationId: String(bid.id), version: String(bid.version + 5), quoteAmount: "1000" })).status).toBe(409);
    expect(totalChanges()).toBe(before);
  });

  it("saves the quote and the rollup costs the bid at it", async () => {
    const quote = await signedIn();
    const bid = bidOn(salesRole());
    const out = await quote(salesRole(), { applicationId: String(bid.id), version: String(bid.version), quoteAmount: "240000" });
    expect(out.status).toBe(302);
    expect(bidOn(salesRole())).toMatchObject({ quoteAmount: 240_000, version: bid.version + 1 });
    const page = await invoke(rollupRoute.loader, get(`/roles/${salesRole()}/rollup`, await cookieFor("priya@northwind.test")), { roleId: String(salesRole()) });
    const row = (page.data as { rows: { id: number; cost: { total: number | null } | null }[] }).rows.find((r) => r.id === bid.id)!;
    expect(row.cost?.total).toBe(240_000);
  });

  it("is refused to an interviewer", async () => {
    const quote = await signedIn("sam@northwind.test");
    const bid = bidOn(salesRole());
    const before = totalChanges();
    const out = await quote(salesRole(), { applicationId: String(bid.id), version: String(bid.version), quoteAmount: "1" });
    expect(out.status).toBe(403);
    expect(totalChanges()).toBe(before);
  });
});
