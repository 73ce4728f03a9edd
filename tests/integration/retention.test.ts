// Consent, legal holds and the retention rule, through the real loaders and
// actions against the seeded SQLite file: the preview is what the run erases,
// a second run changes nothing, the minimum and holds are respected, an active
// application is never erased, and consent round-trips through the form and
// the CSV import.
import Database from "better-sqlite3";
import { and, eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { isoDay } from "~/domain/dates";
import { isOpenStage } from "~/domain/pipeline";
import { claimDailyRun, runDailyJobs } from "~/models/daily-jobs.server";
import { getRetentionPlan } from "~/models/retention.server";
import { getSubjectAccessExport } from "~/models/subject-access.server";
import * as retentionPage from "~/routes/admin.retention";
import * as holdsRoute from "~/routes/candidates.$candidateId.holds";
import * as candidateEdit from "~/routes/candidates.$candidateId.edit";
import * as candidatePage from "~/routes/candidates.$candidateId._index";
import * as candidateNew from "~/routes/candidates.new";
import * as importRoute from "~/routes/candidates.import";
import { getDb, schema as s } from "~/utils/db.server";
import { startDailyJobs } from "~/utils/daily-jobs.server";
import { getEnv } from "~/utils/env.server";
import { cookieFor, get, invoke, post, totalChanges, latestAudit } from "../support/http";

const MONTH_MS = 30.5 * 86_400_000;
const monthsAgo = (months: number) => new Date(Date.now() - months * MONTH_MS);

type PageData = Awaited<ReturnType<typeof retentionPage.loader>>;

/** Age a candidate and all their applications, so their last activity is `at`. */
function setLastActivity(candidateId: number, at: Date) {
  const db = getDb();
  db.update(s.candidates).set({ createdAt: at, updatedAt: at }).where(eq(s.candidates.id, candidateId)).run();
  db.update(s.applications)
    .set({ createdAt: at, updatedAt: at, stageChangedAt: at })
    .where(eq(s.applications.candidateId, candidateId))
    .run();
}

/** Candidates on at least one role, split by whether any application is open. */
function candidatesOnRoles() {
  const apps = getDb()
    .select({ candidateId: s.applications.candidateId, stage: s.applications.stage })
    .from(s.applications)
    .all();
  const byCandidate = new Map<number, boolean>();
  for (const a of apps)
    if (a.candidateId !== null)
      byCandidate.set(a.candidateId, (byCandidate.get(a.candidateId) ?? false) || isOpenStage(a.stage));
  const holds = new Set(
    getDb()
      .select()
      .from(s.candidateHolds)
      .all()
      .map((h) => h.candidateId),
  );
  const entries = [...byCandidate].filter(([id]) => !holds.has(id));
  return {
    open: entries.filter(([, open]) => open).map(([id]) => id),
    closed: entries.filter(([, open]) => !open).map(([id]) => id),
  };
}

async function loadPage(cookie: string, page = 1) {
  const out = await invoke(retentionPage.loader, get(`/admin/retention?page=${page}`, cookie));
  expect(out.status).toBe(200);
  return out.data as PageData;
}

/** Every candidate id the preview lists, over all its pages. */
async function previewIds(cookie: string) {
  const first = await loadPage(cookie);
  const ids = first.rows.map((r) => r.candidateId);
  for (let p = 2; p <= first.pageCount; p++) ids.push(...(await loadPage(cookie, p)).rows.map((r) => r.candidateId));
  return { ids, key: first.plan.key, data: first };
}

const erasedIds = () =>
  getDb()
    .select({ id: s.candidates.id })
    .from(s.candidates)
    .all()
    .filter((c) => getDb().select().from(s.candidates).where(eq(s.candidates.id, c.id)).get()!.erasedAt !== null)
    .map((c) => c.id);

const retentionRuns = () => getDb().select().from(s.auditEvents).where(eq(s.auditEvents.action, "retention.run")).all();

describe("the retention page", () => {
  it("is for admins only: HR, hiring managers and interviewers get 403 and write nothing", async () => {
    for (const email of ["priya@northwind.test", "dana@northwind.test", "sam@northwind.test"]) {
      const cookie = await cookieFor(email);
      expect((await invoke(retentionPage.loader, get("/admin/retention", cookie))).status).toBe(403);
      const before = totalChanges();
      const out = await invoke(
        retentionPage.action,
        post("/admin/retention", { intent: "save", months: "24", version: "0" }, { cookie }),
      );
      expect(out.status).toBe(403);
      expect(totalChanges()).toBe(before);
    }
  });

  it("erases no one until a period is set, and refuses a period under the minimum", async () => {
    const cookie = await cookieFor("morgan@northwind.test");
    const data = await loadPage(cookie);
    expect(data.settings).toBeNull();
    expect(data.plan).toMatchObject({ ruleSet: false, due: 0 });
    expect(data.minMonths).toBe(getEnv().RETENTION_MIN_MONTHS);
    const before = totalChanges();
    const out = await invoke(
      retentionPage.action,
      post("/admin/retention", { intent: "save", months: String(data.minMonths - 1), version: "0" }, { cookie }),
    );
    expect(out.status).toBe(400);
    expect((out.data as { fieldErrors: Record<string, string[]> }).fieldErrors.months[0]).toMatch(/At least 24 months/);
    expect(totalChanges()).toBe(before);
  });

  it("previews exactly who the run erases; a second run changes nothing; holds, the minimum and active applications are respected", async () => {
    const admin = await cookieFor("morgan@northwind.test");
    const hr = await cookieFor("priya@northwind.test");
    const { open, closed } = candidatesOnRoles();
    const [quietClosed, recentClosed, heldClosed] = closed;
    const quietOpen = open[0];
    setLastActivity(quietClosed, monthsAgo(30));
    setLastActivity(recentClosed, monthsAgo(20));
    setLastActivity(heldClosed, monthsAgo(30));
    setLastActivity(quietOpen, monthsAgo(40));

    // HR places a hold on one of them, from the candidate page's form.
    const until = isoDay(new Date(Date.now() + 90 * 86_400_000));
    const reason = "Holdreason-Qx7 pending claim";
    const added = await invoke(
      holdsRoute.action,
      post(`/candidates/${heldClosed}/holds`, { intent: "add", reason, until }, { cookie: hr }),
      { candidateId: String(heldClosed) },
    );
    expect(added).toMatchObject({ status: 302, location: `/candidates/${heldClosed}?saved=hold` });
    setLastActivity(heldClosed, monthsAgo(30)); // adding a hold is no activity of the candidate's own

    const saved = await invoke(
      retentionPage.action,
      post("/admin/retention", { intent: "save", months: "24", version: "0" }, { cookie: admin }),
    );
    expect(saved).toMatchObject({ status: 302, location: "/admin/retention?saved=1" });
    expect(latestAudit()[0]).toMatchObject({ action: "retention.update" });

    const preview = await previewIds(admin);
    expect(preview.ids).toContain(quietClosed);
    expect(preview.ids).not.toContain(recentClosed); // 20 months: inside the 24-month minimum
    expect(preview.ids).not.toContain(heldClosed); // the hold keeps them
    expect(preview.ids).not.toContain(quietOpen); // an open application: never
    const row = preview.data.rows.find((r) => r.candidateId === quietClosed)!;
    expect(row.reason).toMatch(/No active application; last activity .* until/);

    // A minimum raised past the period keeps the 30-month-quiet candidate too.
    expect(getRetentionPlan(new Date(), 36).due.map((d) => d.candidateId)).not.toContain(quietClosed);

    // A stale list is refused, and nothing is erased.
    const stale = await invoke(
      retentionPage.action,
      post("/admin/retention", { intent: "run", planKey: "0".repeat(64) }, { cookie: admin }),
    );
    expect(stale.status).toBe(409);
    expect(erasedIds()).toEqual([]);

    const run = await invoke(
      retentionPage.action,
      post("/admin/retention", { intent: "run", planKey: preview.key }, { cookie: admin }),
    );
    expect(run).toMatchObject({ status: 302, location: `/admin/retention?erased=${preview.ids.length}&refused=0` });
    expect(erasedIds().sort((a, b) => a - b)).toEqual([...preview.ids].sort((a, b) => a - b));
    const erased = getDb().select().from(s.candidates).where(eq(s.candidates.id, quietClosed)).get()!;
    expect(erased.name).toBe(`Erased candidate #${quietClosed}`);
    const [entry] = retentionRuns();
    expect(entry.detail).toEqual({ due: preview.ids.length, erased: preview.ids.length, refused: 0, trigger: "page" });
    expect(entry.subjectId).toBeNull();

    // The second run: nobody is due, nobody changes.
    const again = await previewIds(admin);
    expect(again.ids).toEqual([]);
    expect(again.data.plan.alreadyErased).toBe(preview.ids.length);
    const snapshot = JSON.stringify(getDb().select().from(s.candidates).all());
    const second = await invoke(
      retentionPage.action,
      post("/admin/retention", { intent: "run", planKey: again.key }, { cookie: admin }),
    );
    expect(second.location).toBe("/admin/retention?erased=0&refused=0");
    expect(JSON.stringify(getDb().select().from(s.candidates).all())).toBe(snapshot);
    expect(retentionRuns()).toHaveLength(2);

    // The hold never reached the audit log's text; ending it lets the rule erase them.
    const holdEntries = getDb()
      .select()
      .from(s.auditEvents)
      .where(and(eq(s.auditEvents.action, "candidate.hold"), eq(s.auditEvents.subjectId, heldClosed)))
      .all();
    expect(holdEntries).toHaveLength(1);
    expect(holdEntries[0].detail).toEqual({ until });
    expect(JSON.stringify(getDb().select().from(s.auditEvents).all())).not.toContain("Holdreason-Qx7");
    const [hold] = getDb().select().from(s.candidateHolds).where(eq(s.candidateHolds.candidateId, heldClosed)).all();
    const ended = await invoke(
      holdsRoute.action,
      post(`/candidates/${heldClosed}/holds`, { intent: "end", holdId: String(hold.id) }, { cookie: hr }),
      { candidateId: String(heldClosed) },
    );
    expect(ended.location).toBe(`/candidates/${heldClosed}?saved=hold_ended`);
    expect(latestAudit()[0]).toMatchObject({ action: "candidate.hold_end", subjectId: heldClosed });
    const endedTwice = await invoke(
      holdsRoute.action,
      post(`/candidates/${heldClosed}/holds`, { intent: "end", holdId: String(hold.id) }, { cookie: hr }),
      { candidateId: String(heldClosed) },
    );
    expect(endedTwice.status).toBe(409);
    expect((await previewIds(admin)).ids).toEqual([heldClosed]);
    // The open application's candidate is still not due, however quiet.
    expect(getRetentionPlan(new Date(), 12).due.map((d) => d.candidateId)).not.toContain(quietOpen);
  });

  it("refuses a hold without a reason or with a past end date, writing nothing", async () => {
    const hr = await cookieFor("priya@northwind.test");
    const id = candidatesOnRoles().closed[5];
    const before = totalChanges();
    const out = await invoke(
      holdsRoute.action,
      post(`/candidates/${id}/holds`, { intent: "add", reason: " ", until: "2001-01-01" }, { cookie: hr }),
      { candidateId: String(id) },
    );
    expect(out.status).toBe(400);
    const errors = (out.data as { fieldErrors: Record<string, string[]> }).fieldErrors;
    expect(errors.reason[0]).toMatch(/required/);
    expect(errors.until[0]).toMatch(/past/);
    expect(totalChanges()).toBe(before);
  });
});

describe("the daily run", () => {
  it("is scheduled at RETENTION_RUN_HOUR each day, and not at all when RETENTION_SCHEDULE is off", () => {
    expect(startDailyJobs({ ...getEnv(), RETENTION_SCHEDULE: "off" })).toBeNull();
    const job = startDailyJobs({ ...getEnv(), RETENTION_SCHEDULE: "on", RETENTION_RUN_HOUR: 4 })!;
    try {
      const next = job.nextRun()!;
      expect([next.getHours(), next.getMinutes()]).toEqual([4, 0]);
      expect(next.getTime() - Date.now()).toBeLessThanOrEqual(86_400_000);
    } finally {
      job.stop();
    }
  });

  it("runs once a day however many processes share the database", () => {
    const now = new Date();
    // Another process on the same file claims the day first.
    const other = new Database(getDb().$client.name);
    other
      .prepare("insert into scheduled_runs (job, day, claimed_at) values ('retention', ?, ?)")
      .run(isoDay(now), now.getTime());
    other.close();
    expect(runDailyJobs({ now, minMonths: 24, auditRetentionDays: 730 })).toEqual({ ran: false });
    const next = new Date(now.getTime() + 86_400_000);
    const first = runDailyJobs({ now: next, minMonths: 24, auditRetentionDays: 730 });
    expect(first.ran).toBe(true);
    expect(claimDailyRun("retention", next)).toBe(false);
    expect(runDailyJobs({ now: next, minMonths: 24, auditRetentionDays: 730 })).toEqual({ ran: false });
    const row = getDb()
      .select()
      .from(s.scheduledRuns)
      .where(and(eq(s.scheduledRuns.job, "retention"), eq(s.scheduledRuns.day, isoDay(next))))
      .get()!;
    expect(row.finishedAt).not.toBeNull();
    expect(row.outcome).toMatchObject({ auditPruned: expect.any(Number) });
  });

  it("prunes the API's call log and finished webhook deliveries past the audit log's period, keeping queued ones", () => {
    const db = getDb().$client;
    const now = new Date(Date.now() + 10 * 86_400_000); // a day no other test's run has claimed
    const old = now.getTime() - 800 * 86_400_000;
    const recent = now.getTime() - 86_400_000;
    const endpoint = db
      .prepare(
        "insert into webhook_endpoints (url, secret, events) values ('https://hooks.example.com/prune', 'whsec_x', '[]') returning id",
      )
      .get() as { id: number };
    const delivery = db.prepare(
      "insert into webhook_deliveries (endpoint_id, event_id, event_type, payload, status, created_at) values (?, ?, 'ping', '{}', ?, ?) returning id",
    );
    const oldDelivered = delivery.get(endpoint.id, "evt_prune_1", "delivered", old) as { id: number };
    const oldFailed = delivery.get(endpoint.id, "evt_prune_2", "failed", old) as { id: number };
    const oldQueued = delivery.get(endpoint.id, "evt_prune_3", "queued", old) as { id: number };
    const recentDelivered = delivery.get(endpoint.id, "evt_prune_4", "delivered", recent) as { id: number };
    const call = db.prepare(
      "insert into api_requests (at, method, path, status) values (?, 'GET', '/api/v1/prune-test', 200) returning id",
    );
    const oldCall = call.get(old) as { id: number };
    const recentCall = call.get(recent) as { id: number };

    const result = runDailyJobs({ now, minMonths: 24, auditRetentionDays: 730 });
    expect(result).toMatchObject({ ran: true, logsPruned: expect.any(Number) });
    const remaining = (table: string, ids: number[]) =>
      (db.prepare(`select id from ${table} where id in (${ids.join(",")}) order by id`).all() as { id: number }[]).map(
        (r) => r.id,
      );
    expect(remaining("webhook_deliveries", [oldDelivered.id, oldFailed.id, oldQueued.id, recentDelivered.id])).toEqual([
      oldQueued.id,
      recentDelivered.id,
    ]);
    expect(remaining("api_requests", [oldCall.id, recentCall.id])).toEqual([recentCall.id]);
    db.prepare("delete from webhook_endpoints where id = ?").run(endpoint.id);
  });
});

const consentFields = {
  consentProcessAt: "2026-03-01",
  consentProcessSource: "application_form",
  consentProcessExpiresAt: "",
  consentRetainAt: "2026-03-02",
  consentRetainSource: "email",
  consentRetainExpiresAt: "2028-03-01",
};

const person = (overrides: Record<string, string> = {}) => ({
  name: "Consenta Roundtrip",
  email: "consenta@example.com",
  engagementType: "full_time",
  payCurrency: "USD",
  source: "inbound",
  ...consentFields,
  ...overrides,
});

describe("consent", () => {
  it("round-trips through the candidate form: saved, shown on the edit form and the page, exported", async () => {
    const cookie = await cookieFor("priya@northwind.test");
    const created = await invoke(candidateNew.action, post("/candidates/new", person(), { cookie }));
    expect(created.status).toBe(302);
    const row = getDb().select().from(s.candidates).where(eq(s.candidates.email, "consenta@example.com")).get()!;
    expect(row).toMatchObject({
      consentProcessAt: "2026-03-01",
      consentProcessSource: "application_form",
      consentProcessExpiresAt: null,
      consentRetainAt: "2026-03-02",
      consentRetainSource: "email",
      consentRetainExpiresAt: "2028-03-01",
    });
    const params = { candidateId: String(row.id) };
    const edit = await invoke(candidateEdit.loader, get(`/candidates/${row.id}/edit`, cookie), params);
    expect((edit.data as { defaults: Record<string, string> }).defaults).toMatchObject(consentFields);
    const saved = await invoke(
      candidateEdit.action,
      post(
        `/candidates/${row.id}/edit`,
        person({ version: String(row.version), consentRetainExpiresAt: "2029-01-31" }),
        { cookie },
      ),
      params,
    );
    expect(saved.status).toBe(302);
    const page = await invoke(candidatePage.loader, get(`/candidates/${row.id}`, cookie), params);
    expect((page.data as { candidate: Record<string, unknown> }).candidate).toMatchObject({
      consentRetainExpiresAt: "2029-01-31",
    });
    const exported = getSubjectAccessExport(row.id, new Date())!;
    expect(exported.consent).toMatchObject({
      process: { givenAt: "2026-03-01", source: "application_form", expiresAt: null, state: "current" },
      retain: { givenAt: "2026-03-02", source: "email", expiresAt: "2029-01-31", state: "current" },
    });
  });

  it("refuses half a consent or a last day before the day given, writing nothing", async () => {
    const cookie = await cookieFor("priya@northwind.test");
    const before = totalChanges();
    const out = await invoke(
      candidateNew.action,
      post(
        "/candidates/new",
        person({
          email: "half@example.com",
          consentProcessAt: "",
          consentProcessSource: "email",
          consentRetainAt: "2026-03-02",
          consentRetainSource: "",
          consentRetainExpiresAt: "2026-01-01",
        }),
        { cookie },
      ),
    );
    expect(out.status).toBe(400);
    const errors = (out.data as { fieldErrors: Record<string, string[]> }).fieldErrors;
    expect(errors.consentProcessAt[0]).toMatch(/day the consent was given/);
    expect(errors.consentRetainSource[0]).toMatch(/how the consent was given/);
    expect(errors.consentRetainExpiresAt[0]).toMatch(/before the day it was given/);
    expect(totalChanges()).toBe(before);
  });

  it("round-trips through the CSV import (optional columns), with a bad source refused per row", async () => {
    const cookie = await cookieFor("priya@northwind.test");
    const header =
      "name,email,consent_process_at,consent_process_source,consent_retain_at,consent_retain_source,consent_retain_expires_at";
    const bad = `${header}\nCsv One,csv.one@example.com,2026-02-01,telepathy,,,`;
    const refused = await invoke(
      importRoute.action,
      post("/candidates/import", { intent: "import", csv: bad }, { cookie }),
    );
    expect(refused.status).toBe(400);
    const rows = (refused.data as { check: { rows: { errors: string[] }[] } }).check.rows;
    expect(rows[0].errors.join()).toMatch(/consent_process_source: Choose how the consent was given/);
    const csv = `${header}\nCsv One,csv.one@example.com,2026-02-01,Email,2026-02-01,careers_site,2027-02-01\nCsv Two,csv.two@example.com,,,,,`;
    const out = await invoke(importRoute.action, post("/candidates/import", { intent: "import", csv }, { cookie }));
    expect(out.status).toBe(302);
    const imported = getDb()
      .select()
      .from(s.candidates)
      .where(inArray(s.candidates.email, ["csv.one@example.com", "csv.two@example.com"]))
      .orderBy(s.candidates.email)
      .all();
    expect(imported[0]).toMatchObject({
      consentProcessAt: "2026-02-01",
      consentProcessSource: "email",
      consentRetainAt: "2026-02-01",
      consentRetainSource: "careers_site",
      consentRetainExpiresAt: "2027-02-01",
    });
    expect(imported[1]).toMatchObject({ consentProcessAt: null, consentRetainSource: null });
  });
});
