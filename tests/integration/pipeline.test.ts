import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  countStaleApplications,
  listStaleApplications,
  buildStaleApplicationsQuery,
} from "~/models/application.server";
import { listMaskedApplicationIds } from "~/models/take-home.server";
import { decideOffer, saveOffer } from "~/models/offer.server";
import * as appPage from "~/routes/applications.$applicationId._index";
import * as checksRoute from "~/routes/applications.$applicationId.checks";
import * as board from "~/routes/compliance._index";
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

const db = () => getDb();
const agencyId = (name: string) => db().select().from(schema.agencies).where(eq(schema.agencies.name, name)).get()!.id;
const contactOf = (agency: number) =>
  db().select().from(schema.agencyContacts).where(eq(schema.agencyContacts.agencyId, agency)).get()!.id;
const unplacedCandidate = () => {
  return firstUnplacedCandidate();
};
const app = (id: number) => db().select().from(schema.applications).where(eq(schema.applications.id, id)).get()!;
const historyOf = (id: number) =>
  db().select().from(schema.stageHistory).where(eq(schema.stageHistory.applicationId, id)).all();
const appIdFrom = (location: string | null) => Number(location?.match(/^\/applications\/(\d+)/)?.[1]);

describe("adding to a pipeline", () => {
  const roleId = () => roleIdByTitle("RAG Contractor, Contract Review Pilot");

  it("records an agency submission that counts, and flags a later one from another agency", async () => {
    const cookie = await cookieFor("priya@northwind.test");
    const person = unplacedCandidate();
    const meridian = agencyId("Meridian Talent Partners");
    const first = await invoke(
      addRoute.action,
      post(
        `/roles/${roleId()}/applications/new`,
        {
          subject: "candidate",
          candidateId: String(person.id),
          stage: "screening",
          submittedByAgencyId: String(meridian),
          submittedByContactId: String(contactOf(meridian)),
          submittedOn: "2026-11-02",
        },
        { cookie },
      ),
      { roleId: String(roleId()) },
    );
    expect(first.location).toMatch(/\?added=added$/);
    const id = appIdFrom(first.location);
    expect(app(id)).toMatchObject({ stage: "screening", candidateId: person.id, submittedByAgencyId: meridian });
    expect(latestAudit()[0]).toMatchObject({
      action: "application.create",
      applicationId: id,
      detail: { to: "screening" },
    });
    expect(historyOf(id).map((h) => [h.fromStage, h.toStage])).toEqual([[null, "screening"]]);

    const quickbench = agencyId("QuickBench Marketplace");
    const second = await invoke(
      addRoute.action,
      post(
        `/roles/${roleId()}/applications/new`,
        { subject: "candidate", candidateId: String(person.id), submittedByAgencyId: String(quickbench) },
        { cookie },
      ),
      { roleId: String(roleId()) },
    );
    expect(second.location).toBe(`/applications/${id}?added=duplicate-other-agency`);
    const subs = db()
      .select()
      .from(schema.agencySubmissions)
      .where(and(eq(schema.agencySubmissions.roleId, roleId()), eq(schema.agencySubmissions.candidateId, person.id)))
      .all();
    expect(subs.map((s) => [s.agencyId, s.counts, s.duplicateOf])).toEqual([
      [meridian, true, null],
      [quickbench, false, "other-agency"],
    ]);
    expect(
      db()
        .select()
        .from(schema.applications)
        .where(and(eq(schema.applications.roleId, roleId()), eq(schema.applications.candidateId, person.id)))
        .all(),
    ).toHaveLength(1);
    expect(app(id).submittedByAgencyId).toBe(meridian);
  });

  it("lets an agency bid as a team, and refuses to start anyone at offer", async () => {
    const cookie = await cookieFor("priya@northwind.test");
    const meridian = agencyId("Meridian Talent Partners");
    const bid = await invoke(
      addRoute.action,
      post(`/roles/${roleId()}/applications/new`, { subject: "agency", agencyId: String(meridian) }, { cookie }),
      { roleId: String(roleId()) },
    );
    expect(app(appIdFrom(bid.location))).toMatchObject({ agencyId: meridian, candidateId: null, stage: "sourced" });

    const changes = totalChanges();
    const skip = await invoke(
      addRoute.action,
      post(
        `/roles/${roleId()}/applications/new`,
        { subject: "candidate", candidateId: String(unplacedCandidate().id), stage: "offer" },
        { cookie },
      ),
      { roleId: String(roleId()) },
    );
    expect(skip.status).toBe(400);
    expect((skip.data as { fieldErrors: Record<string, string[]> }).fieldErrors.stage).toEqual([
      "New applications start before the offer stage",
    ]);
    expect(totalChanges()).toBe(changes);
  });
});

describe("stage moves and the offer gate", () => {
  async function freshApplication() {
    const cookie = await cookieFor("dana@northwind.test");
    const roleId = roleIdByTitle("Senior AI Engineer, Support Copilot");
    const out = await invoke(
      addRoute.action,
      post(
        `/roles/${roleId}/applications/new`,
        { subject: "candidate", candidateId: String(unplacedCandidate().id), stage: "final" },
        { cookie },
      ),
      { roleId: String(roleId) },
    );
    return { cookie, id: appIdFrom(out.location) };
  }
  function approveOffer(applicationId: number) {
    const values = {
      intent: "save" as const,
      payKind: "annual" as const,
      amount: 200_000,
      currency: "USD" as const,
      startDate: "2030-01-06",
      termsNote: null,
      version: null,
    };
    const saved = saveOffer({ applicationId, values, version: null, actorId: userIdByEmail("dana@northwind.test") });
    if (!saved.ok) throw new Error("offer not saved");
    expect(
      decideOffer({
        offerId: saved.offerId,
        termsVersion: 1,
        decision: "approve",
        comment: null,
        actorId: userIdByEmail("priya@northwind.test"),
      }).ok,
    ).toBe(true);
  }
  const move = (id: number, cookie: string, fields: Record<string, string>) =>
    invoke(
      appPage.action,
      post(`/applications/${id}`, { intent: "move", version: String(app(id).version), ...fields }, { cookie }),
      { applicationId: String(id) },
    );

  it("records every move with who, when, from and to", async () => {
    const { cookie, id } = await freshApplication();
    expect((await move(id, cookie, { toStage: "take_home", note: "Back for a paid take-home" })).status).toBe(302);
    const history = historyOf(id);
    expect(history.map((h) => [h.fromStage, h.toStage, h.note])).toEqual([
      [null, "final", null],
      ["final", "take_home", "Back for a paid take-home"],
    ]);
    expect(history[1].movedById).toBe(
      db().select().from(schema.users).where(eq(schema.users.email, "dana@northwind.test")).get()!.id,
    );
    expect(app(id).stageChangedAt.getTime()).toBe(history[1].movedAt.getTime());
  });

  it("refuses the offer and names the missing checks, then allows it once they are verified or waived", async () => {
    const { cookie, id } = await freshApplication();
    // The offer itself is approved, so only the checks stand in the way (tests/integration/offers.test.ts covers the offer's part).
    approveOffer(id);
    const changes = totalChanges();
    const refused = await move(id, cookie, { toStage: "offer" });
    expect(refused.status).toBe(400);
    expect((refused.data as { formError: string }).formError).toBe(
      "Cannot move to Offer until these required checks are verified or waived: NDA, IP assignment, Worker classification, Background check and Sensitive-data access clearance.",
    );
    expect(app(id).stage).toBe("final");
    expect(totalChanges()).toBe(changes);

    // HR records the paperwork. Hiring managers may not.
    const hr = await cookieFor("priya@northwind.test");
    const save = (fields: Record<string, string>, who = hr) =>
      invoke(checksRoute.action, post(`/applications/${id}/checks`, fields, { cookie: who }), {
        applicationId: String(id),
      });
    expect((await save({ type: "nda", status: "verified", evidenceRef: "DS-1" }, cookie)).status).toBe(403);
    const bad = await save({ type: "worker_classification", status: "verified" });
    expect((bad.data as { fieldErrors: Record<string, string[]> }).fieldErrors).toMatchObject({
      classification: ["Choose the classification"],
      rationale: ["Write down why this classification applies"],
    });
    const waivedNoReason = await save({ type: "background_check", status: "waived" });
    expect((waivedNoReason.data as { fieldErrors: Record<string, string[]> }).fieldErrors.waiverReason).toEqual([
      "Say why this check is waived",
    ]);

    for (const fields of <Record<string, string>[]>[
      { type: "nda", status: "verified", evidenceRef: "DS-1" },
      { type: "ip_assignment", status: "verified", evidenceRef: "DS-2" },
      {
        type: "worker_classification",
        status: "verified",
        classification: "w2",
        rationale: "Full-time employee on our payroll",
      },
      { type: "background_check", status: "waived", waiverReason: "Equivalent check within 6 months" },
    ]) {
      expect((await save(fields)).status).toBe(302);
    }
    const stillMissing = await move(id, cookie, { toStage: "offer" });
    expect((stillMissing.data as { formError: string }).formError).toMatch(/: Sensitive-data access clearance\.$/);

    expect((await save({ type: "data_access_clearance", status: "verified", evidenceRef: "IAM-77" })).status).toBe(302);
    const allowed = await move(id, cookie, { toStage: "offer", note: "Offer approved" });
    expect(allowed.status).toBe(302);
    expect(app(id).stage).toBe("offer");

    const checks = db().select().from(schema.complianceChecks).all();
    const nda = checks.find((c) => c.type === "nda" && c.candidateId === app(id).candidateId)!;
    expect(nda).toMatchObject({ status: "verified", applicationId: null, evidenceRef: "DS-1" });
    expect(nda.verifiedById).not.toBeNull();
    const ip = checks.find((c) => c.type === "ip_assignment" && c.applicationId === id)!;
    expect(ip.candidateId).toBeNull();
    const history = db()
      .select()
      .from(schema.complianceHistory)
      .where(eq(schema.complianceHistory.checkId, nda.id))
      .all();
    expect(history.map((h) => h.status)).toEqual(["verified"]);
  });

  it("keeps check history and refuses a stale check save", async () => {
    const { id } = await freshApplication();
    const hr = await cookieFor("priya@northwind.test");
    const save = (fields: Record<string, string>) =>
      invoke(checksRoute.action, post(`/applications/${id}/checks`, fields, { cookie: hr }), {
        applicationId: String(id),
      });
    expect((await save({ type: "ip_assignment", status: "requested" })).status).toBe(302);
    const check = db()
      .select()
      .from(schema.complianceChecks)
      .where(and(eq(schema.complianceChecks.applicationId, id), eq(schema.complianceChecks.type, "ip_assignment")))
      .get()!;
    expect(check.requestedAt).toBe(new Date().toISOString().slice(0, 10));
    expect((await save({ type: "ip_assignment", status: "received", version: String(check.version) })).status).toBe(
      302,
    );
    // A verified check names its evidence; the stale version is what refuses this one.
    expect(
      (await save({ type: "ip_assignment", status: "verified", evidenceRef: "DS-3", version: String(check.version) }))
        .status,
    ).toBe(409);
    const statuses = db()
      .select()
      .from(schema.complianceHistory)
      .where(eq(schema.complianceHistory.checkId, check.id))
      .all()
      .map((h) => h.status);
    expect(statuses).toEqual(["requested", "received"]);
  });

  it("needs a reason to reject, and gives a stale mover a conflict", async () => {
    const { cookie, id } = await freshApplication();
    const noReason = await move(id, cookie, { toStage: "rejected" });
    expect((noReason.data as { fieldErrors: Record<string, string[]> }).fieldErrors.rejectionReason).toEqual([
      "Choose why this application is rejected",
    ]);
    const version = String(app(id).version);
    expect(
      (await move(id, cookie, { toStage: "rejected", rejectionReason: "compensation", note: "Rate far above budget" }))
        .status,
    ).toBe(302);
    expect(app(id)).toMatchObject({
      stage: "rejected",
      rejectionReason: "compensation",
      exitNote: "Rate far above budget",
    });
    const stale = await invoke(
      appPage.action,
      post(`/applications/${id}`, { intent: "move", version, toStage: "screening" }, { cookie }),
      { applicationId: String(id) },
    );
    expect(stale.status).toBe(409);
    expect(app(id).stage).toBe("rejected");
  });
});

type BoardGroup = {
  applicationId: number;
  subject: string;
  masked: boolean;
  roleTitle: string;
  stage: string;
  flagged: boolean;
  items: { type: string; status: string; satisfied: boolean; stale: boolean }[];
};
type BoardData = {
  groups: BoardGroup[];
  groupCount: number;
  page: number;
  pageCount: number;
  summaries: { roleTitle: string; finalists: number; required: string[]; gaps: { type: string; missing: number }[] }[];
};

describe("the HR board", () => {
  it("lists who is missing what, flagged applications first, and per-role finalist summaries", async () => {
    const out = await invoke(board.loader, get("/compliance", await cookieFor("priya@northwind.test")));
    const data = out.data as BoardData;
    const items = data.groups.flatMap((g) => g.items);
    expect(items.length).toBeGreaterThan(10);
    expect(items.every((r) => !r.satisfied)).toBe(true);
    expect(data.groups.some((g) => g.flagged)).toBe(true);
    const firstUnflagged = data.groups.findIndex((g) => !g.flagged);
    expect(data.groups.slice(firstUnflagged).some((g) => g.flagged)).toBe(false);
    const copilot = data.summaries.find((s) => s.roleTitle === "Senior AI Engineer, Support Copilot")!;
    expect(copilot.finalists).toBeGreaterThan(0);
    expect(copilot.gaps.every((g) => g.missing <= copilot.finalists)).toBe(true);
  });

  it("puts the roles with the most missing paperwork first, each gap counted as the board's rows show it", async () => {
    const data = (await invoke(board.loader, get("/compliance", await cookieFor("priya@northwind.test"))))
      .data as BoardData;
    expect(data.pageCount).toBe(1);
    const totals = data.summaries.map((s) => s.gaps.reduce((n, g) => n + g.missing, 0));
    expect(totals[0]).toBeGreaterThan(0);
    expect(totals).toEqual([...totals].sort((a, b) => b - a));
    for (const s of data.summaries) {
      const finalists = data.groups.filter(
        (g) => g.roleTitle === s.roleTitle && (g.stage === "final" || g.stage === "offer"),
      );
      expect(s.finalists).toBeGreaterThanOrEqual(finalists.length);
      // Every required check, including those the summary lists as clear (no gap): its count is the board's.
      for (const type of s.required) {
        const missing = s.gaps.find((g) => g.type === type)?.missing ?? 0;
        expect(missing, `${s.roleTitle} ${type}`).toBe(
          finalists.filter((g) => g.items.some((i) => i.type === type)).length,
        );
      }
    }
  });

  it("narrows to a role's finalists, the applications its summary counts", async () => {
    const cookie = await cookieFor("priya@northwind.test");
    const roleId = roleIdByTitle("Senior AI Engineer, Support Copilot");
    const all = (await invoke(board.loader, get(`/compliance?role=${roleId}&status=all`, cookie))).data as BoardData;
    const finalists = (await invoke(board.loader, get(`/compliance?role=${roleId}&status=all&stage=finalists`, cookie)))
      .data as BoardData;
    expect(finalists.groups.length).toBeGreaterThan(0);
    expect(finalists.groups.length).toBeLessThan(all.groups.length);
    expect(finalists.groups.every((g) => g.stage === "final" || g.stage === "offer")).toBe(true);
    expect(finalists.groups.map((g) => g.applicationId).sort()).toEqual(
      all.groups
        .filter((g) => g.stage === "final" || g.stage === "offer")
        .map((g) => g.applicationId)
        .sort(),
    );
    expect(finalists.groups.length).toBe(
      all.summaries.find((s) => s.roleTitle === "Senior AI Engineer, Support Copilot")!.finalists,
    );
  });

  it("flags every application with a failed or expired check, not only stale requests", async () => {
    const data = (await invoke(board.loader, get("/compliance?status=all", await cookieFor("priya@northwind.test"))))
      .data as BoardData;
    const troubled = data.groups.filter((g) => g.items.some((i) => i.status === "failed" || i.status === "expired"));
    expect(troubled.length).toBeGreaterThan(0);
    expect(troubled.every((g) => g.flagged)).toBe(true);
  });

  it("shows someone the viewer grades anonymously under the alias, marked so the page does not link to them", async () => {
    // An anonymous take-home, not yet revealed; Priya (HR, who sees every role's board) is made one of its graders.
    // A hiring manager of the role is never masked: she handles the candidate anyway.
    const priya = db().select().from(schema.users).where(eq(schema.users.email, "priya@northwind.test")).get()!;
    const blind = db()
      .select()
      .from(schema.takeHomes)
      .innerJoin(schema.takeHomeGraders, eq(schema.takeHomeGraders.takeHomeId, schema.takeHomes.id))
      .innerJoin(schema.applications, eq(schema.applications.id, schema.takeHomes.applicationId))
      .all()
      .find(
        (r) =>
          r.take_homes.anonymous &&
          !r.take_homes.revealedAt &&
          ["assigned", "submitted", "grading"].includes(r.take_homes.status),
      )!;
    expect(blind).toBeTruthy();
    const app = blind.applications;
    const person = db().select().from(schema.candidates).where(eq(schema.candidates.id, app.candidateId!)).get()!;
    db()
      .insert(schema.takeHomeGraders)
      .values({ takeHomeId: blind.take_homes.id, userId: priya.id })
      .onConflictDoNothing()
      .run();
    const data = (
      await invoke(
        board.loader,
        get(`/compliance?status=all&role=${app.roleId}`, await cookieFor("priya@northwind.test")),
      )
    ).data as BoardData;
    const group = data.groups.find((g) => g.applicationId === app.id)!;
    expect(group).toMatchObject({ masked: true, subject: blind.take_homes.alias });
    // Exactly the applications she grades anonymously are marked.
    const hers = new Set(listMaskedApplicationIds(priya.id));
    for (const g of data.groups) expect(g.masked, g.subject).toBe(hers.has(g.applicationId));
    expect(JSON.stringify(data.groups)).not.toContain(person.name);
  });

  it("filters by check and status, and scopes hiring managers to roles they manage", async () => {
    const nda = await invoke(
      board.loader,
      get("/compliance?check=nda&status=requested", await cookieFor("priya@northwind.test")),
    );
    const items = (nda.data as BoardData).groups.flatMap((g) => g.items);
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((r) => r.type === "nda" && r.status === "requested")).toBe(true);
    const tomas = await invoke(board.loader, get("/compliance?status=all", await cookieFor("tomas@northwind.test")));
    const titles = new Set((tomas.data as BoardData).groups.map((g) => g.roleTitle));
    expect([...titles].sort()).toEqual(["Data Engineer, Claims Data Readiness", "ML Engineer, Fraud Scoring Models"]);
  });

  it("pages a long board 50 applications at a time, each application on exactly one page", async () => {
    const roleId = db()
      .insert(schema.roles)
      .values({ title: "Busy compliance role", team: "T", location: "L" })
      .returning()
      .get().id;
    for (let i = 0; i < 70; i++) {
      const candidateId = db()
        .insert(schema.candidates)
        .values({
          name: `Paged Person ${i}`,
          email: `paged${i}@example.test`,
          engagementType: "full_time",
          source: "sourced",
        })
        .returning()
        .get().id;
      db()
        .insert(schema.applications)
        .values({ roleId, candidateId, stage: "screening", stageChangedAt: new Date() })
        .run();
    }
    const cookie = await cookieFor("priya@northwind.test");
    const pageOf = async (n: number) =>
      (await invoke(board.loader, get(`/compliance?role=${roleId}&page=${n}`, cookie))).data as BoardData;
    const [first, second, beyond] = [await pageOf(1), await pageOf(2), await pageOf(9)];
    expect(first).toMatchObject({ groupCount: 70, page: 1, pageCount: 2 });
    expect(first.groups).toHaveLength(50);
    expect(second.groups).toHaveLength(20);
    const ids = [...first.groups, ...second.groups].map((g) => g.applicationId);
    expect(new Set(ids).size).toBe(70);
    // A page past the end shows the last page rather than an empty board.
    expect(beyond.page).toBe(2);
    expect(beyond.groups.map((g) => g.applicationId)).toEqual(second.groups.map((g) => g.applicationId));
  });
});

describe("the pipeline board of a big role", () => {
  it("shows the longest-waiting cards of each stage and the stage's full count", async () => {
    const rolePage = await import("~/routes/roles.$roleId._index");
    const roleId = db()
      .insert(schema.roles)
      .values({ title: "Big board role", team: "T", location: "L" })
      .returning()
      .get().id;
    const people = db().select({ id: schema.candidates.id }).from(schema.candidates).limit(12).all();
    const day = 86_400_000;
    people.forEach((p, i) =>
      db()
        .insert(schema.applications)
        .values({
          roleId,
          candidateId: p.id,
          stage: i < 11 ? "screening" : "final",
          stageChangedAt: new Date(Date.UTC(2026, 9, 1) + i * day),
        })
        .run(),
    );
    const out = await invoke(rolePage.loader, get(`/roles/${roleId}`, await cookieFor("morgan@northwind.test")), {
      roleId: String(roleId),
    });
    const data = out.data as {
      pipeline: { stage: string; daysInStage: number }[];
      stageCounts: Record<string, number>;
    };
    expect(data.stageCounts).toMatchObject({ screening: 11, final: 1 });
    const screening = data.pipeline.filter((p) => p.stage === "screening");
    expect(screening).toHaveLength(8);
    // The three most recent moves into Screening are the ones left off.
    const days = screening.map((p) => p.daysInStage);
    expect(days).toEqual([...days].sort((a, b) => b - a));
    expect(Math.min(...days)).toBe(Math.floor((Date.now() - (Date.UTC(2026, 9, 1) + 7 * day)) / day));
    expect(data.pipeline.filter((p) => p.stage === "final")).toHaveLength(1);
  });
});

describe("stale stages", () => {
  it("lists the open applications longest in their stage past the cutoff, oldest first, from the partial index", () => {
    const db = getDb();
    const now = new Date();
    const day = 86_400_000;
    // Spread the demo applications over the last 40 days so the cutoff splits them.
    const all = db.select({ id: schema.applications.id }).from(schema.applications).all();
    all.forEach((a, i) =>
      db
        .update(schema.applications)
        .set({ stageChangedAt: new Date(now.getTime() - ((i * 7) % 40) * day - i * 1000) })
        .where(eq(schema.applications.id, a.id))
        .run(),
    );
    const open = new Set(["sourced", "screening", "interviewing", "take_home", "final", "offer"]);
    const expected = db
      .select()
      .from(schema.applications)
      .all()
      .filter((a) => open.has(a.stage) && a.stageChangedAt.getTime() < now.getTime() - 14 * day)
      .sort((a, b) => a.stageChangedAt.getTime() - b.stageChangedAt.getTime() || a.id - b.id)
      .map((a) => a.id);
    expect(expected.length).toBeGreaterThan(3);
    expect(listStaleApplications(14, now, 1000).map((a) => a.id)).toEqual(expected);
    expect(listStaleApplications(14, now, 3).map((a) => a.id)).toEqual(expected.slice(0, 3));
    expect(countStaleApplications(14, now)).toBe(expected.length);

    const query = buildStaleApplicationsQuery(14, now, 10).toSQL();
    const plan = (
      db.$client.prepare(`explain query plan ${query.sql}`).all(...(query.params as unknown[])) as { detail: string }[]
    )
      .map((r) => r.detail)
      .join("\n");
    expect(plan).toContain("USING INDEX applications_open_stage_changed_idx");
    expect(plan).not.toContain("TEMP B-TREE");
  });

  it("shows HR someone they grade anonymously under the alias, without a link, on the home page's list", async () => {
    const db = getDb();
    const priya = db.select().from(schema.users).where(eq(schema.users.email, "priya@northwind.test")).get()!;
    const blind = db
      .select()
      .from(schema.takeHomes)
      .innerJoin(schema.applications, eq(schema.applications.id, schema.takeHomes.applicationId))
      .all()
      .find(
        (r) =>
          r.take_homes.anonymous &&
          !r.take_homes.revealedAt &&
          ["assigned", "submitted", "grading"].includes(r.take_homes.status) &&
          ["take_home", "final", "interviewing"].includes(r.applications.stage),
      )!;
    expect(blind).toBeTruthy();
    db.insert(schema.takeHomeGraders)
      .values({ takeHomeId: blind.take_homes.id, userId: priya.id })
      .onConflictDoNothing()
      .run();
    // The longest-stuck application of all, so it is on the list.
    db.update(schema.applications)
      .set({ stageChangedAt: new Date(Date.now() - 400 * 86_400_000) })
      .where(eq(schema.applications.id, blind.applications.id))
      .run();
    const person = db
      .select()
      .from(schema.candidates)
      .where(eq(schema.candidates.id, blind.applications.candidateId!))
      .get()!;

    const data = (await invoke(home.loader, get("/", await cookieFor("priya@northwind.test")))).data as {
      hr: { stale: { id: number | null; name: string; days: number }[] };
    };
    expect(data.hr.stale[0]).toMatchObject({ id: null, name: blind.take_homes.alias });
    expect(data.hr.stale[0].days).toBeGreaterThanOrEqual(400);
    expect(JSON.stringify(data)).not.toContain(person.name);
    // Everyone else on the list keeps their name and link.
    expect(data.hr.stale.slice(1).every((a) => a.id !== null)).toBe(true);
  });
});
