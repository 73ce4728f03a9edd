// Agencies weighed as options: the placing agency's markup reaches a contractor's cost, a bid's quote is entered
// with its currency, team and weeks on the bid form and the bid's page, and the agency's vetting shows on the
// rollup and the comparison. Quotes and markup are pay: an interviewer never receives them, in data or CSV.
import { and, eq, isNotNull, isNull } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as applicationRoute from "~/routes/applications.$applicationId._index";
import * as addRoute from "~/routes/roles.$roleId.applications.new";
import * as compareRoute from "~/routes/roles.$roleId.compare";
import * as csvRoute from "~/routes/roles.$roleId.compare[.csv]";
import * as rollupRoute from "~/routes/roles.$roleId.rollup";
import { getDb, schema } from "~/utils/db.server";
import { cookieFor, get, invoke, post, roleIdByTitle, totalChanges } from "../support/http";

const PILOT = "RAG Contractor, Contract Review Pilot";
const { applications, candidates, agencies } = schema;

type Cost = {
  total: number | null;
  lines: { label: string; amount: number; basis: string }[];
  pricedAs?: string;
  missing: string | null;
};
type Agency = {
  id: number;
  name: string;
  relation: "placed" | "bid";
  vetting: { good: number; weak: number; bad: number; text: string } | null;
};
type Compared = { id: number; name: string; cost: Cost | null; agency: Agency | null };
type Comparison = {
  candidates: Compared[];
  assumptions: { expectedHours: number; contractorOverrunPct: number; teamHours: number; teamHourlyCost: number };
};

/** On the pilot: a contractor placed by an agency with a markup, one who came directly, and the agency's bid. */
function pilotPicks() {
  const roleId = roleIdByTitle(PILOT);
  const people = getDb()
    .select({
      id: applications.id,
      submittedBy: applications.submittedByAgencyId,
      engagementType: candidates.engagementType,
      payKind: candidates.payKind,
      payAmount: candidates.payAmount,
      markup: agencies.markupPercent,
      agency: agencies.name,
    })
    .from(applications)
    .innerJoin(candidates, eq(candidates.id, applications.candidateId))
    .leftJoin(agencies, eq(agencies.id, applications.submittedByAgencyId))
    .where(eq(applications.roleId, roleId))
    .all()
    .filter((a) => a.payKind === "hourly" && a.engagementType !== "freelancer");
  const placed = people.find((a) => a.submittedBy !== null && a.markup !== null)!;
  const direct = people.find((a) => a.submittedBy === null && a.engagementType === "contractor")!;
  const bid = getDb()
    .select()
    .from(applications)
    .where(and(eq(applications.roleId, roleId), isNotNull(applications.agencyId)))
    .get()!;
  return { roleId, placed, direct, bid };
}

const cookies: Record<string, string> = {};
beforeAll(async () => {
  for (const email of ["dana@northwind.test", "sam@northwind.test", "priya@northwind.test"])
    cookies[email] = await cookieFor(email);
});

async function compare(email: string, ids: number[]) {
  const { roleId } = pilotPicks();
  const out = await invoke(compareRoute.loader, get(`/roles/${roleId}/compare?ids=${ids.join(",")}`, cookies[email]), {
    roleId: String(roleId),
  });
  expect(out.status).toBe(200);
  return out.data as Comparison;
}

async function csv(email: string, ids: number[]) {
  const { roleId } = pilotPicks();
  const out = await invoke(csvRoute.loader, get(`/roles/${roleId}/compare.csv?ids=${ids.join(",")}`, cookies[email]), {
    roleId: String(roleId),
  });
  expect(out.status).toBe(200);
  return out.data as string;
}

describe("an agency's markup in the cost", () => {
  it("costs a placed contractor at their rate plus the agency's markup, and says so, unlike a direct one", async () => {
    const { placed, direct, bid } = pilotPicks();
    expect(placed.markup).toBeGreaterThan(0);
    const d = await compare("dana@northwind.test", [placed.id, direct.id, bid.id]);
    const a = d.assumptions;
    const h = a.expectedHours;
    const m = placed.markup!;
    const r = placed.payAmount!;
    const got = d.candidates.find((c) => c.id === placed.id)!.cost!;
    expect(got.pricedAs).toBe(`rate + ${m}% agency markup`);
    expect(got.lines.find((l) => l.label === "Agency markup")).toEqual({
      label: "Agency markup",
      amount: Math.round((r * h * m) / 100),
      basis: `${m}% on the rate, ${placed.agency}`,
    });
    const billed = r * h * (1 + m / 100);
    expect(got.total).toBe(
      Math.round(r * h) +
        Math.round(billed - r * h) +
        Math.round((billed * a.contractorOverrunPct) / 100) +
        Math.round(a.teamHours * a.teamHourlyCost),
    );
    // The direct contractor is costed at their own rate, with no word about an agency.
    const own = d.candidates.find((c) => c.id === direct.id)!.cost!;
    expect(own.pricedAs).toBeUndefined();
    expect(own.lines.map((l) => l.label)).not.toContain("Agency markup");
    expect(own.total).toBe(
      Math.round(direct.payAmount! * h) +
        Math.round((direct.payAmount! * h * a.contractorOverrunPct) / 100) +
        Math.round(a.teamHours * a.teamHourlyCost),
    );
    // The CSV says the same.
    const text = await csv("dana@northwind.test", [placed.id, direct.id, bid.id]);
    expect(text).toContain(`rate + ${m}% agency markup`);
  });

  it("follows a change of the agency's markup, though nothing on the role was written", async () => {
    const { roleId, placed } = pilotPicks();
    const read = async () =>
      (
        (
          await invoke(rollupRoute.loader, get(`/roles/${roleId}/rollup`, cookies["dana@northwind.test"]), {
            roleId: String(roleId),
          })
        ).data as { rows: { id: number; cost: { total: number; pricedAs: string | null } | null }[] }
      ).rows.find((r) => r.id === placed.id)!.cost!;
    const before = await read();
    expect(before.pricedAs).toBe(`rate + ${placed.markup}% agency markup`);
    const agencyId = placed.submittedBy!;
    const agency = getDb().select().from(agencies).where(eq(agencies.id, agencyId)).get()!;
    getDb()
      .update(agencies)
      .set({ markupPercent: placed.markup! + 10, version: agency.version + 1 })
      .where(eq(agencies.id, agencyId))
      .run();
    try {
      const after = await read();
      expect(after.pricedAs).toBe(`rate + ${placed.markup! + 10}% agency markup`);
      expect(after.total).toBeGreaterThan(before.total);
    } finally {
      getDb()
        .update(agencies)
        .set({ markupPercent: placed.markup, version: agency.version + 2 })
        .where(eq(agencies.id, agencyId))
        .run();
    }
  });
});

describe("the agency at a glance", () => {
  it("names the agency that placed or bids, with its vetting, on the comparison and the rollup", async () => {
    const { roleId, placed, direct, bid } = pilotPicks();
    const d = await compare("dana@northwind.test", [placed.id, direct.id, bid.id]);
    const placedBy = d.candidates.find((c) => c.id === placed.id)!.agency!;
    expect(placedBy).toMatchObject({ id: placed.submittedBy, name: placed.agency, relation: "placed" });
    expect(placedBy.vetting!.text).toMatch(/^Vetting: \d good, \d weak, \d bad answers; handover package: (yes|no)/);
    expect(d.candidates.find((c) => c.id === bid.id)!.agency).toMatchObject({ id: bid.agencyId, relation: "bid" });
    expect(d.candidates.find((c) => c.id === direct.id)!.agency).toBeNull();
    const rollup = (
      await invoke(rollupRoute.loader, get(`/roles/${roleId}/rollup`, cookies["dana@northwind.test"]), {
        roleId: String(roleId),
      })
    ).data as { rows: { id: number; agency: Agency | null }[] };
    expect(rollup.rows.find((r) => r.id === placed.id)!.agency).toEqual(placedBy);
    const text = await csv("dana@northwind.test", [placed.id, direct.id, bid.id]);
    expect(text).toContain(`placed by ${placed.agency}`);
    expect(text).toContain(placedBy.vetting!.text);
  });
});

describe("a bid's quote", () => {
  const add = (cookie: string, roleId: number, fields: Record<string, string>) =>
    invoke(addRoute.action, post(`/roles/${roleId}/applications/new`, { subject: "agency", ...fields }, { cookie }), {
      roleId: String(roleId),
    });
  /** An agency not yet bidding on the role. */
  const freeAgency = (roleId: number) => {
    const bidding = new Set(
      getDb()
        .select({ id: applications.agencyId })
        .from(applications)
        .where(eq(applications.roleId, roleId))
        .all()
        .map((r) => r.id),
    );
    return getDb()
      .select()
      .from(agencies)
      .all()
      .find((a) => !bidding.has(a.id))!;
  };

  it("is recorded with the bid, in its currency, with team and weeks; bad input is refused and nothing written", async () => {
    const { roleId } = pilotPicks();
    const agency = freeAgency(roleId);
    const cookie = cookies["dana@northwind.test"];
    for (const [fields, field, message] of [
      [{ quoteAmount: "12.5" }, "quoteAmount", /whole number/],
      [{ quoteAmount: "90000", quoteWeeks: "0" }, "quoteWeeks", /between 1 and 260/],
      [{ quoteAmount: "90000", quoteTeamSize: "lots" }, "quoteTeamSize", /whole number/],
      [{ quoteAmount: "90000", quoteCurrency: "XYZ" }, "quoteCurrency", /currency/],
      [{ quoteWeeks: "8" }, "quoteAmount", /Enter the quoted price/],
    ] as const) {
      const before = totalChanges();
      const out = await add(cookie, roleId, { agencyId: String(agency.id), ...fields });
      expect(out.status).toBe(400);
      expect((out.data as { fieldErrors: Record<string, string[]> }).fieldErrors[field]?.[0]).toMatch(message);
      expect(totalChanges()).toBe(before);
    }
    const out = await add(cookie, roleId, {
      agencyId: String(agency.id),
      quoteAmount: "150,000",
      quoteCurrency: "EUR",
      quoteTeamSize: "2",
      quoteWeeks: "10",
    });
    expect(out.status).toBe(302);
    const saved = getDb()
      .select()
      .from(applications)
      .where(
        and(eq(applications.roleId, roleId), eq(applications.agencyId, agency.id), isNull(applications.candidateId)),
      )
      .get()!;
    expect(saved).toMatchObject({ quoteAmount: 150_000, quoteCurrency: "EUR", quoteTeamSize: 2, quoteWeeks: 10 });
    // In another currency than the role's: shown as it is, not priced beside the others.
    const d = await compare("dana@northwind.test", [saved.id, pilotPicks().bid.id]);
    expect(d.candidates.find((c) => c.id === saved.id)!.cost).toMatchObject({
      total: null,
      missing: "Quote is in EUR, the role's budget in USD",
    });
  });

  it("is changed on the bid's page, and the comparison costs the bid at its quote for its team and weeks", async () => {
    const { bid, placed } = pilotPicks();
    const cookie = cookies["dana@northwind.test"];
    const page = await invoke(applicationRoute.loader, get(`/applications/${bid.id}`, cookie), {
      applicationId: String(bid.id),
    });
    const shown = (page.data as { bidQuote: { quote: { amount: number; teamSize: number; weeks: number } } }).bidQuote;
    expect(shown.quote).toMatchObject({ amount: bid.quoteAmount, teamSize: bid.quoteTeamSize, weeks: bid.quoteWeeks });
    const out = await invoke(
      applicationRoute.action,
      post(
        `/applications/${bid.id}`,
        {
          intent: "quote",
          quoteAmount: "192000",
          quoteCurrency: "USD",
          quoteTeamSize: "4",
          quoteWeeks: "10",
          version: String(bid.version),
        },
        { cookie },
      ),
      { applicationId: String(bid.id) },
    );
    expect(out.status).toBe(302);
    const d = await compare("dana@northwind.test", [bid.id, placed.id]);
    const cost = d.candidates.find((c) => c.id === bid.id)!.cost!;
    expect(cost.total).toBe(192_000);
    // 192,000 / (4 people × 10 weeks × 40 h) = 120 an hour a person.
    expect(cost.pricedAs).toBe("quote for 4 people over 10 weeks, about 120/h a person at 40 h a week");
  });
});

describe("quotes and markup are pay", () => {
  it("never reach an interviewer on the role: comparison, rollup, CSV, the bid's page and the bid form", async () => {
    const { roleId, placed, direct, bid } = pilotPicks();
    const ids = [placed.id, direct.id, bid.id];
    const email = "sam@northwind.test";
    const current = getDb().select().from(applications).where(eq(applications.id, bid.id)).get()!;
    const amount = String(current.quoteAmount);
    const leaks = [
      /markup/i,
      /"pricedAs"/,
      /quote for/,
      new RegExp(`${amount}|${Number(amount).toLocaleString("en-US")}`),
    ];
    const d = await compare(email, ids);
    expect(d.candidates.every((c) => c.cost === null)).toBe(true);
    const bodies = [
      JSON.stringify(d),
      await csv(email, ids),
      JSON.stringify(
        (
          await invoke(rollupRoute.loader, get(`/roles/${roleId}/rollup`, cookies[email]), {
            roleId: String(roleId),
          })
        ).data,
      ),
      JSON.stringify(
        (
          await invoke(applicationRoute.loader, get(`/applications/${bid.id}`, cookies[email]), {
            applicationId: String(bid.id),
          })
        ).data,
      ),
    ];
    for (const body of bodies) for (const leak of leaks) expect(body).not.toMatch(leak);
    // They see who placed the person, but not the agency's vetting: that is for those who may read agencies.
    expect(d.candidates.find((c) => c.id === placed.id)!.agency).toMatchObject({ name: placed.agency, vetting: null });
    // And they cannot set a quote, whatever they post.
    const before = totalChanges();
    const out = await invoke(
      applicationRoute.action,
      post(
        `/applications/${bid.id}`,
        { intent: "quote", quoteAmount: "1", quoteCurrency: "USD", version: String(current.version) },
        { cookie: cookies[email] },
      ),
      { applicationId: String(bid.id) },
    );
    expect(out.status).toBe(403);
    expect(totalChanges()).toBe(before);
  });
});
