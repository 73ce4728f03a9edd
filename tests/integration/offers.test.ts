// Offers through the real loaders and actions: the form's refusals, approvals
// that stop counting when the terms change, the stage gate's refusals, and pay
// that never reaches an interviewer.
import { and, eq, ne } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as appPage from "~/routes/applications.$applicationId._index";
import * as offerPage from "~/routes/applications.$applicationId.offer";
import * as approvalsPage from "~/routes/approvals";
import * as chainPage from "~/routes/roles.$roleId.approvals";
import * as home from "~/routes/_index";
import * as addRoute from "~/routes/roles.$roleId.applications.new";
import { getDb, schema } from "~/utils/db.server";
import {
  cookieFor,
  firstUnplacedCandidate,
  get,
  invoke,
  latestAudit,
  post,
  roleIdByTitle,
  totalChanges,
  userIdByEmail,
} from "../support/http";
import { expectedMatrix, personaEmails } from "../support/route-matrix";
import { routes, sample } from "../support/routes";

const db = () => getDb();
const SUPPORT = "Senior AI Engineer, Support Copilot";
const app = (id: number) => db().select().from(schema.applications).where(eq(schema.applications.id, id)).get()!;
const offerOf = (applicationId: number) =>
  db()
    .select()
    .from(schema.offers)
    .where(and(eq(schema.offers.applicationId, applicationId), ne(schema.offers.status, "withdrawn")))
    .get();
type Refusal = { fieldErrors: Record<string, string[]>; formError: string | null };

const unplacedCandidate = () => {
  return firstUnplacedCandidate();
};

beforeAll(() => {
  // The Support Copilot role asks for no checks here, so the offer is the only thing its gate looks at;
  // a test below uses another role to see both refused together.
  db()
    .update(schema.roles)
    .set({ requiredChecks: [] })
    .where(eq(schema.roles.id, roleIdByTitle(SUPPORT)))
    .run();
});

async function finalist(roleTitle = SUPPORT) {
  const dana = await cookieFor("dana@northwind.test");
  const roleId = roleIdByTitle(roleTitle);
  const out = await invoke(
    addRoute.action,
    post(
      `/roles/${roleId}/applications/new`,
      { subject: "candidate", candidateId: String(unplacedCandidate().id), stage: "final" },
      { cookie: dana },
    ),
    { roleId: String(roleId) },
  );
  return Number(out.location?.match(/^\/applications\/(\d+)/)?.[1]);
}

const terms = {
  intent: "save",
  payKind: "annual",
  amount: "210,000",
  currency: "USD",
  startDate: "2030-03-02",
  termsNote: "Standard equity",
};
const saveOffer = (id: number, cookie: string, fields: Record<string, string>) =>
  invoke(offerPage.action, post(`/applications/${id}/offer`, fields, { cookie }), { applicationId: String(id) });
const decide = (
  offer: { id: number; termsVersion: number },
  cookie: string,
  decision: "approve" | "decline",
  comment = "",
) =>
  invoke(
    approvalsPage.action,
    post(
      "/approvals",
      { offerId: String(offer.id), termsVersion: String(offer.termsVersion), decision, comment },
      { cookie },
    ),
  );
const move = (id: number, cookie: string, toStage: string) =>
  invoke(
    appPage.action,
    post(`/applications/${id}`, { intent: "move", version: String(app(id).version), toStage }, { cookie }),
    { applicationId: String(id) },
  );

describe("the offer form", () => {
  it("refuses bad input with a message by each field and writes nothing", async () => {
    const id = await finalist();
    const dana = await cookieFor("dana@northwind.test");
    const before = totalChanges();
    const bad = await saveOffer(id, dana, {
      intent: "save",
      payKind: "weekly",
      amount: "lots",
      currency: "XYZ",
      startDate: "2001-01-01",
    });
    expect(bad.status).toBe(400);
    expect((bad.data as Refusal).fieldErrors).toMatchObject({
      payKind: ["Choose how the pay is stated"],
      amount: ["Amount must be a whole number"],
      currency: ["Choose a currency"],
      startDate: ["Start date cannot be in the past"],
    });
    expect(totalChanges()).toBe(before);
    expect(offerOf(id)).toBeUndefined();
  });

  it("refuses a save from a page opened on an older version (409), keeping the other person's terms", async () => {
    const id = await finalist();
    const dana = await cookieFor("dana@northwind.test");
    const created = await saveOffer(id, dana, terms);
    expect(created.location).toBe(`/applications/${id}/offer?saved=created`);
    const opened = offerOf(id)!;
    expect(
      (
        await saveOffer(id, await cookieFor("priya@northwind.test"), {
          ...terms,
          amount: "215000",
          version: String(opened.version),
        })
      ).status,
    ).toBe(302);
    const before = totalChanges();
    const stale = await saveOffer(id, dana, { ...terms, amount: "190000", version: String(opened.version) });
    expect(stale.status).toBe(409);
    expect(totalChanges()).toBe(before);
    expect(offerOf(id)!.amount).toBe(215_000);
    // A second "create" from a page opened before the first offer existed is a conflict too, not a second offer.
    expect((await saveOffer(id, dana, terms)).status).toBe(409);
  });
});

describe("approvals and new terms", () => {
  it("stops counting an approval once the pay is edited, keeps it for a note edit, and refuses a decision on old terms", async () => {
    const id = await finalist();
    const dana = await cookieFor("dana@northwind.test");
    const priya = await cookieFor("priya@northwind.test");
    await saveOffer(id, dana, terms);
    const first = offerOf(id)!;
    // The Support Copilot chain in the demo: any one of Priya (HR) and Morgan (admin).
    expect((await decide(first, priya, "approve", "Within band")).location).toBe("/approvals?decided=approve");
    expect(latestAudit()[0]).toMatchObject({ action: "offer.approve", detail: { outcome: "approve" } });
    expect(JSON.stringify(latestAudit()[0])).not.toContain("Within band");
    expect((await move(id, dana, "offer")).status).toBe(302);
    await move(id, dana, "final");

    // A note edit: same terms, the approval still counts.
    await saveOffer(id, dana, {
      ...terms,
      termsNote: "Standard equity; remote first",
      version: String(offerOf(id)!.version),
    });
    expect(offerOf(id)).toMatchObject({ termsVersion: 1, termsNote: "Standard equity; remote first" });
    const loaded = await invoke(offerPage.loader, get(`/applications/${id}/offer`, dana), {
      applicationId: String(id),
    });
    expect((loaded.data as { offer: { status: string } }).offer.status).toBe("approved");

    // A pay edit: new terms, and Priya's approval of the old ones no longer counts.
    await saveOffer(id, dana, { ...terms, amount: "225000", version: String(offerOf(id)!.version) });
    expect(offerOf(id)).toMatchObject({ termsVersion: 2, amount: 225_000 });
    const before = totalChanges();
    const refused = await move(id, dana, "offer");
    expect(refused.status).toBe(400);
    expect((refused.data as Refusal).formError).toBe(
      "Cannot move to Offer until it has an approved offer (0 of 1 approval).",
    );
    expect(app(id).stage).toBe("final");
    expect(totalChanges()).toBe(before);

    // Priya's page still showing version 1: her click records nothing.
    const stale = await decide(first, priya, "approve");
    expect(stale.status).toBe(409);
    expect(totalChanges()).toBe(before);
    // It waits for her again, marked as asked again.
    const list = await invoke(approvalsPage.loader, get("/approvals", priya));
    const item = (
      list.data as { waiting: { applicationId: number; reapproval: boolean; termsVersion: number }[] }
    ).waiting.find((w) => w.applicationId === id);
    expect(item).toMatchObject({ termsVersion: 2, reapproval: true });
  });

  it("lets only the role's approvers decide, and needs a reason to decline", async () => {
    const id = await finalist();
    const dana = await cookieFor("dana@northwind.test");
    await saveOffer(id, dana, terms);
    const offer = offerOf(id)!;
    const [tomas, morgan] = [await cookieFor("tomas@northwind.test"), await cookieFor("morgan@northwind.test")];
    const before = totalChanges();
    // Dana wrote it and is not on this role's chain; Tomás may not see this role's pay at all.
    expect((await decide(offer, dana, "approve")).status).toBe(403);
    expect((await decide(offer, tomas, "approve")).status).toBe(403);
    const noReason = await decide(offer, morgan, "decline");
    expect((noReason.data as Refusal).fieldErrors.comment).toEqual([
      "Say why you decline, so the author knows what to change",
    ]);
    expect(totalChanges()).toBe(before);
    expect((await decide(offer, morgan, "decline", "Above the band")).status).toBe(302);
    expect((await move(id, dana, "offer")).data as Refusal).toMatchObject({
      formError: "Cannot move to Offer until it has an approved offer (the offer was declined).",
    });
  });

  it("saves a role's chain, refusing more approvals than approvers", async () => {
    const roleId = String(roleIdByTitle(SUPPORT));
    const dana = await cookieFor("dana@northwind.test");
    const ids = [userIdByEmail("priya@northwind.test"), userIdByEmail("dana@northwind.test")].map(String);
    const loaded = await invoke(chainPage.loader, get(`/roles/${roleId}/approvals`, dana), { roleId });
    const version = String((loaded.data as { settings: { version: number } }).settings.version);
    const before = totalChanges();
    const tooMany = await invoke(
      chainPage.action,
      post(`/roles/${roleId}/approvals`, { approverIds: ids, rule: "some", required: "3", version }, { cookie: dana }),
      { roleId },
    );
    expect((tooMany.data as Refusal).fieldErrors.required).toEqual([
      "Cannot need more approvals than there are approvers",
    ]);
    // Sam is an interviewer: he may not see pay, so he cannot approve it.
    const sam = String(userIdByEmail("sam@northwind.test"));
    const ineligible = await invoke(
      chainPage.action,
      post(`/roles/${roleId}/approvals`, { approverIds: [...ids, sam], rule: "all", version }, { cookie: dana }),
      { roleId },
    );
    expect(ineligible.status).toBe(400);
    expect(totalChanges()).toBe(before);
    const saved = await invoke(
      chainPage.action,
      post(`/roles/${roleId}/approvals`, { approverIds: ids, rule: "all", version }, { cookie: dana }),
      { roleId },
    );
    expect(saved.location).toBe(`/roles/${roleId}/approvals?saved=1`);
    const rows = db()
      .select()
      .from(schema.roleOfferApprovers)
      .where(eq(schema.roleOfferApprovers.roleId, Number(roleId)))
      .all();
    expect(rows.map((r) => r.userId).sort()).toEqual(ids.map(Number).sort());
    // Put the demo's chain back for the other tests in this file.
    const current = String(
      db()
        .select()
        .from(schema.roleOfferRules)
        .where(eq(schema.roleOfferRules.roleId, Number(roleId)))
        .get()!.version,
    );
    const back = [userIdByEmail("priya@northwind.test"), userIdByEmail("morgan@northwind.test")].map(String);
    expect(
      (
        await invoke(
          chainPage.action,
          post(
            `/roles/${roleId}/approvals`,
            { approverIds: back, rule: "some", required: "1", version: current },
            { cookie: dana },
          ),
          { roleId },
        )
      ).status,
    ).toBe(302);
  });
});

describe("the stage gate", () => {
  it("refuses hired until HR marks the offer accepted, then lets it through", async () => {
    const id = await finalist();
    const dana = await cookieFor("dana@northwind.test");
    const priya = await cookieFor("priya@northwind.test");
    await saveOffer(id, dana, terms);
    await decide(offerOf(id)!, priya, "approve");
    expect((await move(id, dana, "offer")).status).toBe(302);

    const before = totalChanges();
    const refused = await move(id, dana, "hired");
    expect(refused.status).toBe(400);
    expect((refused.data as Refusal).formError).toBe("Cannot move to Hired until the offer is marked accepted.");
    expect(app(id).stage).toBe("offer");
    // The hiring manager may not mark it accepted: that is HR's record.
    const version = String(offerOf(id)!.version);
    expect((await saveOffer(id, dana, { intent: "accept", acceptedOn: "2026-01-05", version })).status).toBe(403);
    const future = await saveOffer(id, priya, { intent: "accept", acceptedOn: "2199-01-01", version });
    expect((future.data as Refusal).fieldErrors.acceptedOn).toEqual(["Date accepted cannot be in the future"]);
    expect(totalChanges()).toBe(before);

    const today = new Date().toISOString().slice(0, 10);
    expect((await saveOffer(id, priya, { intent: "accept", acceptedOn: today, version })).location).toBe(
      `/applications/${id}/offer?saved=accepted`,
    );
    expect(latestAudit()[0]).toMatchObject({ action: "offer.accept", applicationId: id });
    expect(offerOf(id)).toMatchObject({
      status: "accepted",
      acceptedOn: today,
      acceptedById: userIdByEmail("priya@northwind.test"),
    });
    // Accepted terms are locked.
    const edit = await saveOffer(id, dana, { ...terms, amount: "1", version: String(offerOf(id)!.version) });
    expect((edit.data as Refusal).formError).toBe(
      "The candidate accepted these terms; an accepted offer is not edited.",
    );
    expect((await move(id, dana, "hired")).status).toBe(302);
    expect(app(id).stage).toBe("hired");
  });

  it("names missing checks and the missing offer together", async () => {
    const id = await finalist("RAG Contractor, Contract Review Pilot");
    const dana = await cookieFor("dana@northwind.test");
    const before = totalChanges();
    const refused = await move(id, dana, "offer");
    expect(refused.status).toBe(400);
    expect((refused.data as Refusal).formError).toMatch(
      /^Cannot move to Offer until these required checks are verified or waived: .+\. It also needs an approved offer \(no offer yet\)\.$/,
    );
    expect(totalChanges()).toBe(before);
  });

  it("shows the demo's offer-stage and hired applications with the offers that let them there", async () => {
    const priya = await cookieFor("priya@northwind.test");
    for (const stage of ["offer", "hired"] as const) {
      const apps = db().select().from(schema.applications).where(eq(schema.applications.stage, stage)).all();
      expect(apps.length).toBeGreaterThan(0);
      for (const a of apps) {
        const page = await invoke(appPage.loader, get(`/applications/${a.id}`, priya), { applicationId: String(a.id) });
        const status = (page.data as { offer: { summary: { status: string } | null } }).offer.summary?.status;
        expect(status, `application ${a.id}`).toBe(stage === "hired" ? "accepted" : "approved");
      }
    }
  });
});

describe("pay privacy", () => {
  const markers = { amount: 918_273_645, note: "OFFERMARKER-5521 relocation" };
  const patterns = [/918,?273,?645/, /OFFERMARKER-5521/];

  beforeAll(() => {
    const { params } = sample("routes/applications.$applicationId.offer");
    const applicationId = Number(params.applicationId);
    db().delete(schema.offers).where(eq(schema.offers.applicationId, applicationId)).run();
    db()
      .insert(schema.offers)
      .values({
        applicationId,
        payKind: "annual",
        amount: markers.amount,
        currency: "USD",
        startDate: "2030-01-01",
        termsNote: markers.note,
        createdById: userIdByEmail("dana@northwind.test"),
      })
      .run();
  });

  async function bodies(email: string) {
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

  it("never sends an offer's pay or terms to an interviewer, on any page", async () => {
    const responses = await bodies(personaEmails.interviewerOnTeam);
    expect(responses.find((r) => r.routeId === "routes/applications.$applicationId._index")?.body).toMatch(/^200 /);
    expect(responses.find((r) => r.routeId === "routes/applications.$applicationId.offer")?.body).toMatch(/^403 /);
    expect(responses.find((r) => r.routeId === "routes/approvals")?.body).toMatch(/^403 /);
    for (const { routeId, body } of responses)
      for (const p of patterns) expect(body, `${routeId} leaked ${p}`).not.toMatch(p);
  });

  it("shows them to the role's hiring manager, and to the approvers on their list", async () => {
    const { path, params } = sample("routes/applications.$applicationId.offer");
    const page = await invoke(offerPage.loader, get(path, await cookieFor(personaEmails.managerOfRole)), params);
    for (const p of patterns) expect(JSON.stringify(page.data)).toMatch(p);
    const list = await invoke(approvalsPage.loader, get("/approvals", await cookieFor(personaEmails.recruiter)));
    expect(JSON.stringify(list.data)).toMatch(patterns[0]);
    const homePage = await invoke(home.loader, get("/", await cookieFor(personaEmails.recruiter)));
    expect((homePage.data as { approvalsWaiting: number }).approvalsWaiting).toBeGreaterThan(0);
  });
});
