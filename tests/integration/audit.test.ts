import { describe, expect, it } from "vitest";
import { recordAudit, pruneAuditEvents } from "~/models/audit.server";
import * as auditCsv from "~/routes/admin.audit[.csv]";
import * as auditPage from "~/routes/admin.audit._index";
import * as userPage from "~/routes/admin.users.$userId";
import * as users from "~/routes/admin.users._index";
import * as login from "~/routes/login";
import * as logout from "~/routes/logout";
import * as applicationPage from "~/routes/applications.$applicationId._index";
import { moveApplication } from "~/models/application.server";
import { getDb, schema } from "~/utils/db.server";
import { runInRequestScope } from "~/utils/request-scope";
import { cookieFor, get, invoke, latestAudit, post, roleIdByTitle, userIdByEmail } from "../support/http";
import { scheduleFreshInterview, submitScorecard } from "../support/journeys";

type Page = Awaited<ReturnType<typeof auditPage.loader>>;
type PageData = Extract<Page, { entries: unknown[] }>;

describe("the audit log", () => {
  it("records sign-in, failed sign-in and sign-out with the account, never the email typed", async () => {
    const dana = userIdByEmail("dana@northwind.test");
    await invoke(login.action, post("/login", { email: "dana@northwind.test", password: "wrong-password-123" }));
    await invoke(login.action, post("/login", { email: "nobody.at.all@example.test", password: "whatever-123456" }));
    const ok = await invoke(
      login.action,
      post("/login", { email: "dana@northwind.test", password: "interview-loop-2026" }),
    );
    expect(ok.status).toBe(302);
    const [wrong, unknown, signIn] = latestAudit(3);
    expect(wrong).toMatchObject({ action: "auth.sign_in_failed", actorId: null, subjectType: "user", subjectId: dana });
    expect(wrong.detail).toEqual({ reason: "wrong_password" });
    expect(unknown).toMatchObject({ action: "auth.sign_in_failed", actorId: null, subjectId: null });
    expect(unknown.detail).toEqual({ reason: "unknown_account" });
    expect(signIn).toMatchObject({ action: "auth.sign_in", actorId: dana, subjectId: dana });
    expect(JSON.stringify(latestAudit(3))).not.toContain("nobody.at.all");

    const cookie = await cookieFor("dana@northwind.test");
    await invoke(logout.action, post("/logout", {}, { cookie }));
    expect(latestAudit()[0]).toMatchObject({ action: "auth.sign_out", actorId: dana });
  });

  it("records user administration: create, kind change, deactivation, reactivation, password reset", async () => {
    const admin = await cookieFor("morgan@northwind.test");
    const morgan = userIdByEmail("morgan@northwind.test");
    const created = await invoke(
      users.action,
      post(
        "/admin/users",
        {
          name: "Audit Person",
          email: "audit.person@northwind.test",
          kind: "interviewer",
          password: "amber-falcon-ridge-77",
        },
        { cookie: admin },
      ),
    );
    expect(created.status).toBe(302);
    const id = userIdByEmail("audit.person@northwind.test");
    expect(latestAudit()[0]).toMatchObject({
      action: "user.create",
      actorId: morgan,
      subjectType: "user",
      subjectId: id,
    });

    const update = (fields: Record<string, string>, version: number) =>
      invoke(
        userPage.action,
        post(
          `/admin/users/${id}`,
          { intent: "update", name: "Audit Person", version: String(version), ...fields },
          { cookie: admin },
        ),
        { userId: String(id) },
      );
    expect((await update({ kind: "hiring_manager", active: "on" }, 1)).status).toBe(302);
    expect(latestAudit()[0]).toMatchObject({ action: "user.kind_change", fields: ["kind"] });
    expect(latestAudit()[0].detail).toEqual({ from: "interviewer", to: "hiring_manager" });
    expect((await update({ kind: "hiring_manager" }, 2)).status).toBe(302);
    expect(latestAudit()[0]).toMatchObject({ action: "user.deactivate", subjectId: id });
    expect((await update({ kind: "hiring_manager", active: "on" }, 3)).status).toBe(302);
    expect(latestAudit()[0]).toMatchObject({ action: "user.reactivate", subjectId: id });

    const reset = await invoke(
      userPage.action,
      post(`/admin/users/${id}`, { intent: "set-password", password: "copper-lantern-drift-42" }, { cookie: admin }),
      { userId: String(id) },
    );
    expect(reset.status).toBe(302);
    expect(latestAudit()[0]).toMatchObject({ action: "user.password_reset", actorId: morgan, subjectId: id });
    // Names, emails and passwords never enter the log.
    const all = JSON.stringify(getDb().select().from(schema.auditEvents).all());
    for (const secret of ["Audit Person", "audit.person@", "copper-lantern", "amber-falcon"])
      expect(all).not.toContain(secret);
  });

  it("records stage moves and scorecard submits with stage names and area keys, never notes or evidence", async () => {
    const roleId = roleIdByTitle("Senior AI Engineer, Support Copilot");
    const { applicationId, interviewId } = await scheduleFreshInterview(roleId, "sam@northwind.test");
    const sam = userIdByEmail("sam@northwind.test");
    const secret = "Mentioned her manager Olga Secretname by name";
    expect(
      await submitScorecard(interviewId, "sam@northwind.test", {
        rating_evals: "4",
        evidence_evals: secret,
        recommendation: "yes",
        keyTakeaways: secret,
      }),
    ).toBe(302);
    const submitted = latestAudit()[0];
    expect(submitted).toMatchObject({ action: "scorecard.submit", actorId: sam, roleId, applicationId });
    expect(submitted.fields).toEqual(["recommendation", "evals"]);

    const dana = userIdByEmail("dana@northwind.test");
    const version = getDb().$client.prepare("select version from applications where id = ?").get(applicationId) as {
      version: number;
    };
    const moved = moveApplication({
      id: applicationId,
      version: version.version,
      toStage: "rejected",
      rejectionReason: "skills_gap",
      note: secret,
      actorId: dana,
    });
    expect(moved.ok).toBe(true);
    const move = latestAudit()[0];
    expect(move).toMatchObject({ action: "application.stage_move", actorId: dana, applicationId });
    expect(move.fields).toEqual(["stage", "note"]);
    expect(move.detail).toEqual({ from: "interviewing", to: "rejected" });
    expect(JSON.stringify(latestAudit(5))).not.toContain("Secretname");
  });

  it("shows an application's activity to those who may see it, each entry kind only to those who may see its record", async () => {
    const roleId = roleIdByTitle("Senior AI Engineer, Support Copilot");
    const { applicationId } = await scheduleFreshInterview(roleId, "sam@northwind.test");
    const morgan = userIdByEmail("morgan@northwind.test");
    const at = { roleId, applicationId, subject: { type: "application" as const, id: applicationId } };
    recordAudit({
      actorId: morgan,
      action: "application.stage_move",
      detail: { from: "screening", to: "final" },
      ...at,
    });
    recordAudit({ actorId: morgan, action: "offer.update", fields: ["baseSalary"], ...at });
    recordAudit({ actorId: morgan, action: "check.update", fields: ["status"], ...at });
    type AppData = { activity: { entries: { text: string }[]; canReadLog: boolean } };
    const activity = async (email: string) =>
      (
        (
          await invoke(applicationPage.loader, get(`/applications/${applicationId}`, await cookieFor(email)), {
            applicationId: String(applicationId),
          })
        ).data as AppData
      ).activity;

    const sam = await activity("sam@northwind.test");
    const samTexts = sam.entries.map((e) => e.text);
    expect(samTexts).toContain("Moved a stage (Screening → Final)");
    expect(samTexts.join("|")).not.toMatch(/offer|compliance check/);
    expect(sam.canReadLog).toBe(false);

    const dana = await activity("dana@northwind.test");
    expect(dana.entries.map((e) => e.text)).toEqual(
      expect.arrayContaining(["Changed an offer (fields: baseSalary)", "Changed a compliance check (fields: status)"]),
    );
    expect((await activity("morgan@northwind.test")).canReadLog).toBe(true);
  });

  it("is append-only: no update, no delete of an entry younger than a year, pruning only past retention", () => {
    recordAudit({ actorId: null, action: "retention.run", detail: { dryRun: true } });
    const client = getDb().$client;
    expect(() => client.prepare("update audit_events set action = 'auth.sign_in'").run()).toThrow(/append-only/);
    expect(() => client.prepare("delete from audit_events").run()).toThrow(/at least a year/);
    // A retention shorter than a year is raised to a year: nothing recent goes.
    expect(pruneAuditEvents(new Date(), 30)).toBe(0);
    expect(latestAudit()[0].action).toBe("retention.run");
  });

  it("refuses details that could carry personal text", () => {
    expect(() => recordAudit({ actorId: null, action: "check.update", detail: { note: "x" } as never })).toThrow(
      /not an audit detail/,
    );
    expect(() =>
      recordAudit({ actorId: null, action: "check.update", detail: { reason: "Jane Doe asked for it" } }),
    ).toThrow(/short label/);
    expect(() => recordAudit({ actorId: null, action: "check.update", fields: ["jane doe"] })).toThrow(/field names/);
  });

  it("records the client of the request it was made in", () => {
    runInRequestScope({ requestId: "req-123", clientIp: "203.0.113.9", userAgent: "Test agent" }, () =>
      recordAudit({ actorId: null, action: "retention.run" }),
    );
    expect(latestAudit()[0]).toMatchObject({ clientIp: "203.0.113.9", userAgent: "Test agent", requestId: "req-123" });
  });

  it("shows admins the log filtered and paged, refuses bad filters with 400, and logs its CSV export", async () => {
    const admin = await cookieFor("morgan@northwind.test");
    const morgan = userIdByEmail("morgan@northwind.test");
    for (let i = 0; i < 60; i++)
      recordAudit({ actorId: morgan, action: "csv.export", detail: { rows: i, report: "comparison" } });
    const page1 = await invoke(auditPage.loader, get(`/admin/audit?actor=${morgan}&action=csv.export`, admin));
    const data1 = page1.data as PageData;
    expect(page1.status).toBe(200);
    expect(data1.total).toBe(60);
    expect(data1.entries).toHaveLength(50);
    expect(data1.entries[0].detail).toBe("rows: 59, report: comparison");
    const page2 = (await invoke(auditPage.loader, get(`/admin/audit?actor=${morgan}&action=csv.export&page=2`, admin)))
      .data as PageData;
    expect(page2.entries).toHaveLength(10);

    const bad = await invoke(auditPage.loader, get("/admin/audit?from=2026-13-01&recordId=x&action=drop", admin));
    expect(bad.status).toBe(400);
    expect(Object.keys((bad.data as PageData & { fieldErrors: object }).fieldErrors).sort()).toEqual([
      "action",
      "from",
      "recordId",
    ]);

    const csv = await invoke(auditCsv.loader, get(`/admin/audit.csv?actor=${morgan}&action=csv.export`, admin));
    expect(csv.status).toBe(200);
    expect(String(csv.data).trim().split("\n")).toHaveLength(61);
    expect(latestAudit()[0]).toMatchObject({ action: "audit.export", actorId: morgan });
    expect(latestAudit()[0].detail).toEqual({ rows: 60, format: "csv" });
  });

  it("is for admins only", async () => {
    for (const email of ["priya@northwind.test", "dana@northwind.test", "sam@northwind.test"]) {
      const cookie = await cookieFor(email);
      expect((await invoke(auditPage.loader, get("/admin/audit", cookie))).status).toBe(403);
      expect((await invoke(auditCsv.loader, get("/admin/audit.csv", cookie))).status).toBe(403);
    }
  });
});
