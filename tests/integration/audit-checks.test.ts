// Compliance check saves (the rules, the history's changed fields, the audit entry), take-home reveals with
// their actor, views of pay and findings, and CSV exports and imports: each through the real routes against
// the test's SQLite file, and the audit log read back to see what it holds and what it never holds.
import { and, desc, eq, gt } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { EXPIRY_PASSED_MESSAGE, VERIFIED_NEEDS_EVIDENCE_MESSAGE } from "~/domain/compliance";
import { moveApplication } from "~/models/application.server";
import { saveGrade } from "~/models/take-home.server";
import * as approvals from "~/routes/approvals";
import * as candidatePage from "~/routes/candidates.$candidateId._index";
import * as importRoute from "~/routes/candidates.import";
import * as checksRoute from "~/routes/applications.$applicationId.checks";
import * as offerPage from "~/routes/applications.$applicationId.offer";
import * as comparePage from "~/routes/roles.$roleId.compare";
import * as compareCsv from "~/routes/roles.$roleId.compare[.csv]";
import * as takeHomePage from "~/routes/take-homes.$takeHomeId._index";
import { databaseVersion, getDb, schema } from "~/utils/db.server";
import {
  cookieFor,
  firstUnplacedCandidate,
  get,
  invoke,
  post,
  roleIdByTitle,
  totalChanges,
  userIdByEmail,
} from "../support/http";

const db = () => getDb();
const ROLE = "Senior AI Engineer, Support Copilot";
const daysFromNow = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** The newest audit entry's id, to read only what a step adds after it. */
const lastAuditId = () =>
  db().select({ id: schema.auditEvents.id }).from(schema.auditEvents).orderBy(desc(schema.auditEvents.id)).get()?.id ??
  0;
const auditSince = (id: number) =>
  db().select().from(schema.auditEvents).where(gt(schema.auditEvents.id, id)).orderBy(schema.auditEvents.id).all();

/** Someone in no pipeline yet joins the role at Final, their checks cleared away. */
function freshFinalist() {
  const candidate = firstUnplacedCandidate();
  db().delete(schema.complianceChecks).where(eq(schema.complianceChecks.candidateId, candidate.id)).run();
  const app = db()
    .insert(schema.applications)
    .values({ roleId: roleIdByTitle(ROLE), candidateId: candidate.id, stage: "final", stageChangedAt: new Date() })
    .returning()
    .get();
  return { applicationId: app.id, candidateId: candidate.id };
}

let hrCookie: string | null = null;
async function saveCheck(applicationId: number, fields: Record<string, string>) {
  // One session for HR's saves, so that counting writes counts only the saves'.
  hrCookie ??= await cookieFor("priya@northwind.test");
  return invoke(checksRoute.action, post(`/applications/${applicationId}/checks`, fields, { cookie: hrCookie }), {
    applicationId: String(applicationId),
  });
}

const checkRow = (candidateId: number, type: "nda" | "background_check") =>
  db()
    .select()
    .from(schema.complianceChecks)
    .where(and(eq(schema.complianceChecks.candidateId, candidateId), eq(schema.complianceChecks.type, type)))
    .get();

type Refused = { fieldErrors: Record<string, string[]> };

describe("saving a compliance check", () => {
  it("refuses a verified or received check with a past expiry, and verified with no evidence or note: 400, nothing written", async () => {
    const { applicationId, candidateId } = freshFinalist();
    await saveCheck(applicationId, { type: "nda", status: "" }); // signs HR in: the session is not a save
    const before = totalChanges();
    const past = await saveCheck(applicationId, {
      type: "nda",
      status: "verified",
      evidenceRef: "DS-100",
      expiresAt: daysFromNow(-3),
    });
    expect(past.status).toBe(400);
    expect((past.data as Refused).fieldErrors.expiresAt).toEqual([EXPIRY_PASSED_MESSAGE]);
    const received = await saveCheck(applicationId, { type: "nda", status: "received", expiresAt: daysFromNow(-1) });
    expect((received.data as Refused).fieldErrors.expiresAt).toEqual([EXPIRY_PASSED_MESSAGE]);
    const noEvidence = await saveCheck(applicationId, { type: "nda", status: "verified" });
    expect(noEvidence.status).toBe(400);
    expect((noEvidence.data as Refused).fieldErrors.evidenceRef).toEqual([VERIFIED_NEEDS_EVIDENCE_MESSAGE]);
    expect(totalChanges()).toBe(before);
    expect(checkRow(candidateId, "nda")).toBeUndefined();

    // A note saying why there is no reference will do, and a future expiry (or none) is fine.
    const withNote = await saveCheck(applicationId, {
      type: "nda",
      status: "verified",
      rationale: "Signed on paper at the office; scan pending",
      expiresAt: daysFromNow(200),
    });
    expect(withNote.status).toBe(302);
    expect(checkRow(candidateId, "nda")).toMatchObject({ status: "verified", evidenceRef: null });
  });

  it("keeps the names of the fields each save changed, shows them on the history, and audits them without values", async () => {
    const { applicationId, candidateId } = freshFinalist();
    const priya = userIdByEmail("priya@northwind.test");
    const mark = lastAuditId();
    expect(
      (await saveCheck(applicationId, { type: "nda", status: "verified", evidenceRef: "DS-EVIDENCE-1" })).status,
    ).toBe(302);
    const first = checkRow(candidateId, "nda")!;
    // Only the evidence reference changes: the history says so, not "set verified" again.
    const second = await saveCheck(applicationId, {
      type: "nda",
      status: "verified",
      evidenceRef: "DS-EVIDENCE-2",
      version: String(first.version),
    });
    expect(second.status).toBe(302);
    const history = db()
      .select()
      .from(schema.complianceHistory)
      .where(eq(schema.complianceHistory.checkId, first.id))
      .orderBy(schema.complianceHistory.id)
      .all();
    expect(history.map((h) => h.fields)).toEqual([["status", "evidenceRef"], ["evidenceRef"]]);

    const page = await invoke(
      checksRoute.loader,
      get(`/applications/${applicationId}/checks`, await cookieFor("priya@northwind.test")),
      { applicationId: String(applicationId) },
    );
    type Page = { checks: { editable: { type: string }; history: { text: string; changedBy: string }[] }[] };
    const nda = (page.data as Page).checks.find((c) => c.editable.type === "nda")!;
    expect(nda.history.map((h) => h.text)).toEqual([
      "changed evidence reference",
      "set verified; changed evidence reference",
    ]);
    expect(nda.history[0].changedBy).toBe("Priya Raman");

    // Findings on a background check: named as a field in the log, never written there.
    const findings = "Zqxmarker: a county record from 2014, cleared";
    expect(
      (
        await saveCheck(applicationId, {
          type: "background_check",
          status: "verified",
          evidenceRef: "BG-EVIDENCE-9",
          detail: findings,
        })
      ).status,
    ).toBe(302);
    const entries = auditSince(mark).filter((e) => e.action === "check.update");
    expect(entries).toHaveLength(3);
    expect(entries.map((e) => e.fields)).toEqual([
      ["status", "evidenceRef"],
      ["evidenceRef"],
      ["status", "evidenceRef", "detail"],
    ]);
    expect(entries[0]).toMatchObject({ actorId: priya, subjectType: "check", subjectId: first.id, applicationId });
    expect(entries[0].detail).toEqual({ check: "nda", status: "verified" });
    const logged = JSON.stringify(auditSince(mark));
    for (const value of ["DS-EVIDENCE", "BG-EVIDENCE", "Zqxmarker", "county record"])
      expect(logged).not.toContain(value);
  });

  it("writes the check, its history and its audit entry together or not at all", async () => {
    const { applicationId, candidateId } = freshFinalist();
    await saveCheck(applicationId, { type: "nda", status: "requested" });
    const row = checkRow(candidateId, "nda")!;
    const mark = lastAuditId();
    // A stale version: the save is refused, and no history or audit entry is left behind.
    const stale = await saveCheck(applicationId, {
      type: "nda",
      status: "verified",
      evidenceRef: "DS-7",
      version: String(row.version - 1),
    });
    expect(stale.status).toBe(409);
    expect(auditSince(mark)).toEqual([]);
  });

  it("names the expiry when the offer is refused for a lapsed check", async () => {
    const { applicationId, candidateId } = freshFinalist();
    expect((await saveCheck(applicationId, { type: "nda", status: "verified", evidenceRef: "DS-8" })).status).toBe(302);
    // Time passes: the verified NDA's expiry date is now behind us.
    db()
      .update(schema.complianceChecks)
      .set({ expiresAt: "2025-01-03" })
      .where(eq(schema.complianceChecks.id, checkRow(candidateId, "nda")!.id))
      .run();
    const app = db().select().from(schema.applications).where(eq(schema.applications.id, applicationId)).get()!;
    const moved = moveApplication({
      id: applicationId,
      version: app.version,
      toStage: "offer",
      rejectionReason: null,
      note: null,
      actorId: userIdByEmail("dana@northwind.test"),
    });
    expect(moved.ok).toBe(false);
    expect(!moved.ok && "message" in moved ? moved.message : "").toMatch(
      /^Cannot move to Offer until these required checks are verified or waived: NDA \(expired Jan 3, 2025\), IP assignment/,
    );
  });
});

describe("take-home reveals", () => {
  function anonymousTakeHome(status: "submitted" | "grading", graders: string[]) {
    const { applicationId } = freshFinalist();
    const th = db()
      .insert(schema.takeHomes)
      .values({
        applicationId,
        title: "Reveal test exercise",
        instructions: "Build a small retrieval evaluation",
        timeBoxHours: 4,
        dueOn: daysFromNow(5),
        status,
        anonymous: true,
        alias: "Candidate QX-42",
      })
      .returning()
      .get();
    for (const email of graders)
      db()
        .insert(schema.takeHomeGraders)
        .values({ takeHomeId: th.id, userId: userIdByEmail(email) })
        .run();
    return { applicationId, takeHome: th };
  }

  it("keeps who waived an anonymous take-home as the revealer, shows it, and audits the reveal", async () => {
    const { applicationId, takeHome } = anonymousTakeHome("grading", ["jordan@northwind.test"]);
    const priya = userIdByEmail("priya@northwind.test");
    const cookie = await cookieFor("priya@northwind.test");
    const mark = lastAuditId();
    const waived = await invoke(
      takeHomePage.action,
      post(
        `/take-homes/${takeHome.id}`,
        { intent: "waive", waiverReason: "Candidate withdrew", version: String(takeHome.version) },
        { cookie },
      ),
      { takeHomeId: String(takeHome.id) },
    );
    expect(waived.status).toBe(302);
    const after = db().select().from(schema.takeHomes).where(eq(schema.takeHomes.id, takeHome.id)).get()!;
    expect(after).toMatchObject({ status: "waived", revealedById: priya });
    expect(after.revealedAt).toBeInstanceOf(Date);
    const page = await invoke(takeHomePage.loader, get(`/take-homes/${takeHome.id}`, cookie), {
      takeHomeId: String(takeHome.id),
    });
    expect((page.data as { takeHome: { revealedBy: string } }).takeHome.revealedBy).toBe("Priya Raman");
    const reveal = auditSince(mark).filter((e) => e.action === "take_home.reveal");
    expect(reveal).toHaveLength(1);
    expect(reveal[0]).toMatchObject({
      actorId: priya,
      subjectType: "take_home",
      subjectId: takeHome.id,
      applicationId,
    });
    expect(JSON.stringify(reveal)).not.toContain("Candidate withdrew");
  });

  it("keeps the last grader to submit as the revealer", () => {
    const { takeHome } = anonymousTakeHome("submitted", ["jordan@northwind.test", "sam@northwind.test"]);
    const mark = lastAuditId();
    const grade = (email: string) =>
      saveGrade({
        takeHomeId: takeHome.id,
        graderId: userIdByEmail(email),
        version: null,
        submit: true,
        values: { diagnosis: 3, notes: "Solid" },
      });
    expect(grade("jordan@northwind.test")).toMatchObject({ ok: true, revealed: false });
    expect(grade("sam@northwind.test")).toMatchObject({ ok: true, revealed: true });
    const sam = userIdByEmail("sam@northwind.test");
    expect(db().select().from(schema.takeHomes).where(eq(schema.takeHomes.id, takeHome.id)).get()).toMatchObject({
      status: "graded",
      revealedById: sam,
    });
    expect(auditSince(mark).map((e) => [e.action, e.actorId])).toEqual([["take_home.reveal", sam]]);
  });
});

describe("views of pay and findings", () => {
  const paidCandidate = () => {
    const roleId = roleIdByTitle(ROLE);
    return db()
      .select({ id: schema.candidates.id })
      .from(schema.candidates)
      .innerJoin(schema.applications, eq(schema.applications.candidateId, schema.candidates.id))
      .where(and(eq(schema.applications.roleId, roleId), gt(schema.candidates.payAmount, 0)))
      .get()!.id;
  };

  it("logs one pay.view for HR opening a candidate with pay, none for an interviewer who is not shown it", async () => {
    const id = paidCandidate();
    const mark = lastAuditId();
    const hr = await invoke(candidatePage.loader, get(`/candidates/${id}`, await cookieFor("priya@northwind.test")), {
      candidateId: String(id),
    });
    expect((hr.data as { pay: unknown }).pay).not.toBeNull();
    expect(auditSince(mark).map((e) => [e.action, e.actorId, e.subjectType, e.subjectId])).toEqual([
      ["pay.view", userIdByEmail("priya@northwind.test"), "candidate", id],
    ]);

    // The entry leaves the database's version as it was: figures cached on the whole database stay cached.
    const cookie = await cookieFor("priya@northwind.test");
    const open = () => invoke(candidatePage.loader, get(`/candidates/${id}`, cookie), { candidateId: String(id) });
    await open();
    const version = databaseVersion();
    const mark1 = lastAuditId();
    await open();
    expect(auditSince(mark1).map((e) => e.action)).toEqual(["pay.view"]);
    expect(databaseVersion()).toBe(version);

    const mark2 = lastAuditId();
    const sam = await invoke(candidatePage.loader, get(`/candidates/${id}`, await cookieFor("sam@northwind.test")), {
      candidateId: String(id),
    });
    expect(sam.status).toBe(200);
    expect((sam.data as { pay: unknown }).pay).toBeNull();
    expect(auditSince(mark2)).toEqual([]);
  });

  it("logs pay.view for the offer page, the comparison with cost and the approvals list, one entry each", async () => {
    const roleId = roleIdByTitle(ROLE);
    const offer = db()
      .select({ applicationId: schema.offers.applicationId })
      .from(schema.offers)
      .innerJoin(schema.applications, eq(schema.applications.id, schema.offers.applicationId))
      .where(eq(schema.applications.roleId, roleId))
      .get()!;
    const dana = await cookieFor("dana@northwind.test");
    let mark = lastAuditId();
    await invoke(offerPage.loader, get(`/applications/${offer.applicationId}/offer`, dana), {
      applicationId: String(offer.applicationId),
    });
    expect(auditSince(mark).map((e) => [e.action, e.subjectType, e.applicationId])).toEqual([
      ["pay.view", "offer", offer.applicationId],
    ]);

    const ids = db()
      .select({ id: schema.applications.id })
      .from(schema.applications)
      .innerJoin(schema.candidates, eq(schema.candidates.id, schema.applications.candidateId))
      .where(and(eq(schema.applications.roleId, roleId), gt(schema.candidates.payAmount, 0)))
      .limit(3)
      .all()
      .map((r) => r.id);
    const query = `?ids=${ids.join(",")}`;
    mark = lastAuditId();
    const page = await invoke(comparePage.loader, get(`/roles/${roleId}/compare${query}`, dana), {
      roleId: String(roleId),
    });
    const priced = (page.data as { candidates: { cost: { total: number | null } | null }[] }).candidates.filter(
      (c) => c.cost?.total != null,
    ).length;
    expect(priced).toBeGreaterThan(0);
    const views = auditSince(mark);
    expect(views).toHaveLength(1);
    expect(views[0]).toMatchObject({ action: "pay.view", subjectType: "role", subjectId: roleId, roleId });
    expect(views[0].detail).toEqual({ rows: priced });

    // An interviewer on the role compares without cost: nothing logged.
    mark = lastAuditId();
    await invoke(comparePage.loader, get(`/roles/${roleId}/compare${query}`, await cookieFor("sam@northwind.test")), {
      roleId: String(roleId),
    });
    expect(auditSince(mark)).toEqual([]);

    mark = lastAuditId();
    const waiting = await invoke(approvals.loader, get("/approvals", await cookieFor("morgan@northwind.test")));
    const count = (waiting.data as { waiting: unknown[] }).waiting.length;
    expect(auditSince(mark).map((e) => [e.action, e.detail])).toEqual(count ? [["pay.view", { rows: count }]] : []);
  });

  it("logs findings.view when the check editor shows background-check findings, and nothing when there are none", async () => {
    const { applicationId } = freshFinalist();
    const cookie = await cookieFor("priya@northwind.test");
    const open = () =>
      invoke(checksRoute.loader, get(`/applications/${applicationId}/checks`, cookie), {
        applicationId: String(applicationId),
      });
    let mark = lastAuditId();
    await open();
    expect(auditSince(mark)).toEqual([]);
    await saveCheck(applicationId, { type: "background_check", status: "received", detail: "Nothing of note" });
    mark = lastAuditId();
    await open();
    expect(auditSince(mark).map((e) => [e.action, e.subjectType, e.subjectId])).toEqual([
      ["findings.view", "application", applicationId],
    ]);
  });
});

describe("CSV exports and imports", () => {
  it("logs the comparison CSV with its report name and how many people, none of their data", async () => {
    const roleId = roleIdByTitle(ROLE);
    const ids = db()
      .select({ id: schema.applications.id })
      .from(schema.applications)
      .where(eq(schema.applications.roleId, roleId))
      .limit(2)
      .all()
      .map((r) => r.id);
    const mark = lastAuditId();
    const out = await invoke(
      compareCsv.loader,
      get(`/roles/${roleId}/compare.csv?ids=${ids.join(",")}&evidence=1`, await cookieFor("dana@northwind.test")),
      { roleId: String(roleId) },
    );
    expect(out.status).toBe(200);
    const entries = auditSince(mark);
    expect(entries.map((e) => e.action)).toEqual(["csv.export"]);
    expect(entries[0]).toMatchObject({ subjectType: "role", subjectId: roleId, roleId });
    expect(entries[0].detail).toEqual({ report: "compare_evidence", rows: 2, format: "csv" });
  });

  it("logs a candidate import with its row count, and nothing for a preview", async () => {
    const cookie = await cookieFor("priya@northwind.test");
    const csv = [
      "name,email,engagement_type,source",
      "Qorvash Importee,qorvash.importee@example.com,full_time,sourced",
      "Blenwick Importee,blenwick.importee@example.com,contractor,referral",
    ].join("\n");
    const mark = lastAuditId();
    expect(
      (await invoke(importRoute.action, post("/candidates/import", { intent: "preview", csv }, { cookie }))).status,
    ).toBe(200);
    expect(auditSince(mark)).toEqual([]);
    const imported = await invoke(
      importRoute.action,
      post("/candidates/import", { intent: "import", csv }, { cookie }),
    );
    expect(imported.status).toBe(302);
    const entries = auditSince(mark);
    expect(entries.map((e) => [e.action, e.actorId, e.detail])).toEqual([
      ["csv.import", userIdByEmail("priya@northwind.test"), { report: "candidates", rows: 2, format: "csv" }],
    ]);
    expect(JSON.stringify(entries)).not.toMatch(/Qorvash|Blenwick|importee/i);
  });
});
