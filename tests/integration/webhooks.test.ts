// Webhooks end to end against a real receiver (node:http on a free loopback
// port): registering through the admins' action sends a signed ping; a stage
// moved, a decision recorded, an offer fully approved and a compliance check's
// status changed, each through its real route action, queue a thin event in
// the same transaction, and the worker delivers it signed with the endpoint's
// secret; only subscribed, enabled endpoints get it; a 500 is retried with
// backoff, a dead endpoint ends failed, and two workers never send one delivery twice.
import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { verifyWebhookSignature } from "~/domain/webhook-signature";
import { WEBHOOK_CLAIM_TIMEOUT_MS, WEBHOOK_MAX_ATTEMPTS, webhookRetryDelayMs } from "~/domain/webhooks";
import { claimDueWebhookDeliveries, queueWebhookEvent } from "~/models/webhook.server";
import * as appPage from "~/routes/applications.$applicationId._index";
import * as checksRoute from "~/routes/applications.$applicationId.checks";
import * as decide from "~/routes/applications.$applicationId.decision";
import * as offerPage from "~/routes/applications.$applicationId.offer";
import * as approvalsPage from "~/routes/approvals";
import * as endpointPage from "~/routes/admin.webhooks.$endpointId";
import * as webhooksPage from "~/routes/admin.webhooks._index";
import { getDb, schema } from "~/utils/db.server";
import { deliverDueWebhooks, startWebhookWorker } from "~/utils/webhook-worker.server";
import { claimRace } from "../support/claim-race";
import { cookieFor, get, invoke, latestAudit, post, roleIdByTitle, totalChanges } from "../support/http";
import { startWebhookReceiver, type ReceivedWebhook, type WebhookReceiver } from "../support/webhook-receiver";

// The receiver is plain http on loopback, which the server allows only with this setting (read on first use).
process.env.WEBHOOKS_ALLOW_HTTP_LOCALHOST = "true";

const db = () => getDb();
const { webhookEndpoints, webhookDeliveries } = schema;
const SUPPORT = "Senior AI Engineer, Support Copilot";
const REAL_NAME = "Wilhelmina Hookwright-Realname";
const REAL_EMAIL = "wilhelmina.hookwright@example.org";
let people = 0;
const PAY = 876543;

let receiver: WebhookReceiver;
const cookies = new Map<string, string>();
const cookie = (email: string) => cookies.get(email)!;
const ADMIN = "morgan@northwind.test";
const DANA = "dana@northwind.test";
const PRIYA = "priya@northwind.test";

beforeAll(async () => {
  receiver = await startWebhookReceiver();
  // Signing in writes a session: every cookie is made before any test counts writes.
  for (const email of [ADMIN, DANA, PRIYA]) cookies.set(email, await cookieFor(email));
  // The Support Copilot role asks for no checks here, so its moves meet no gate but the offer's.
  db()
    .update(schema.roles)
    .set({ requiredChecks: [] })
    .where(eq(schema.roles.id, roleIdByTitle(SUPPORT)))
    .run();
});

afterAll(async () => {
  await receiver.close();
});

beforeEach(() => {
  db().delete(webhookEndpoints).run();
  receiver.received.length = 0;
});

const deliver = (now?: Date, workerId = "test-worker") =>
  deliverDueWebhooks({ workerId, now: now ? () => now : undefined, timeoutMs: 2_000 });

async function register(events: string[], url = receiver.url()) {
  const out = await invoke(
    webhooksPage.action,
    post("/admin/webhooks", { url, description: "Hiring data warehouse", events }, { cookie: cookie(ADMIN) }),
  );
  expect(out.status).toBe(200);
  const created = (out.data as { created: { id: number; secret: string } }).created;
  return created;
}

/** A person of our own on the Support Copilot role, with a name, email and pay that must never leave in an event. */
function newApplication(stage: "sourced" | "screening" | "final" = "sourced") {
  const candidate = db()
    .insert(schema.candidates)
    .values({
      name: REAL_NAME,
      email: `${people++}.${REAL_EMAIL}`,
      engagementType: "full_time",
      source: "referral",
      payKind: "annual",
      payAmount: PAY,
      skills: [],
    })
    .returning()
    .get();
  return db()
    .insert(schema.applications)
    .values({ roleId: roleIdByTitle(SUPPORT), candidateId: candidate.id, stage, stageChangedAt: new Date() })
    .returning()
    .get();
}

const versionOf = (id: number) =>
  db().select().from(schema.applications).where(eq(schema.applications.id, id)).get()!.version;

const move = (id: number, toStage: string) =>
  invoke(
    appPage.action,
    post(`/applications/${id}`, { intent: "move", version: String(versionOf(id)), toStage }, { cookie: cookie(DANA) }),
    { applicationId: String(id) },
  );

const deliveriesOf = (endpointId: number) =>
  db().select().from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, endpointId)).all();

function expectSigned(request: ReceivedWebhook, secret: string) {
  expect(request.headers["content-type"]).toBe("application/json");
  expect(request.headers["webhook-id"]).toBe(request.json.id);
  expect(verifyWebhookSignature(secret, request.headers, request.body)).toMatchObject({ ok: true });
}

describe("registering an endpoint", () => {
  it("shows the secret once, logs it without the secret, and sends a signed ping", async () => {
    const { id, secret } = await register(["application.stage_moved"]);
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const entry = latestAudit()[0];
    expect(entry).toMatchObject({ action: "webhook.create", subjectType: "webhook", subjectId: id });
    expect(JSON.stringify(entry)).not.toContain(secret.slice(6));
    // The page never carries the secret again.
    const page = await invoke(endpointPage.loader, get(`/admin/webhooks/${id}`, cookie(ADMIN)), {
      endpointId: String(id),
    });
    expect(JSON.stringify(page.data)).not.toContain(secret.slice(6));

    expect(await deliver()).toEqual({ delivered: 1, retrying: 0, failed: 0 });
    const [ping] = receiver.received;
    expect(ping.json).toMatchObject({ type: "ping", data: { endpoint_id: id } });
    expectSigned(ping, secret);
    expect(verifyWebhookSignature(secret, ping.headers, ping.body.replace("ping", "pong")).ok).toBe(false);
    expect(deliveriesOf(id)[0]).toMatchObject({ status: "delivered", attempts: 1, lastStatusCode: 204 });
  });

  it("refuses a URL that is not https, not a URL, carries credentials, or no events: 400 by the field, nothing written", async () => {
    const before = totalChanges();
    const send = (fields: Record<string, string | string[]>) =>
      invoke(webhooksPage.action, post("/admin/webhooks", fields, { cookie: cookie(ADMIN) }));
    const cases: [Record<string, string | string[]>, string, RegExp][] = [
      [{ url: "http://hooks.example.com/in", events: ["check.changed"] }, "url", /https/],
      [{ url: "not a url", events: ["check.changed"] }, "url", /full URL/],
      [{ url: "https://user:pw@hooks.example.com/", events: ["check.changed"] }, "url", /user name or password/],
      [{ url: "https://hooks.example.com/in", events: [] }, "events", /at least one/],
      [{ url: "https://hooks.example.com/in", events: ["candidate.created"] }, "events", /Unknown event/],
    ];
    for (const [fields, field, message] of cases) {
      const out = await send(fields);
      expect(out.status, JSON.stringify(fields)).toBe(400);
      const { fieldErrors, created } = out.data as { fieldErrors: Record<string, string[]>; created: unknown };
      expect(fieldErrors[field]?.[0]).toMatch(message);
      expect(created).toBeNull();
    }
    expect(totalChanges()).toBe(before);
    expect(db().select().from(webhookEndpoints).all()).toEqual([]);
  });
});

describe("a stage move", () => {
  it("reaches the subscribed endpoint as a thin, signed event; not the others; nothing personal in it", async () => {
    const moves = await register(["application.stage_moved"]);
    const decisionsOnly = await register(["decision.recorded"]);
    const disabled = await register(["application.stage_moved"]);
    const off = await invoke(
      endpointPage.action,
      post(`/admin/webhooks/${disabled.id}`, { intent: "disable", version: "1" }, { cookie: cookie(ADMIN) }),
      { endpointId: String(disabled.id) },
    );
    expect(off.location).toBe(`/admin/webhooks/${disabled.id}?saved=disabled`);
    await deliver(); // the pings (the disabled endpoint's waits)
    receiver.received.length = 0;

    const app = newApplication("sourced");
    expect((await move(app.id, "screening")).status).toBe(302);
    expect(deliveriesOf(decisionsOnly.id).filter((d) => d.eventType !== "ping")).toEqual([]);
    expect(deliveriesOf(disabled.id).filter((d) => d.eventType !== "ping")).toEqual([]);
    expect(await deliver()).toMatchObject({ delivered: 1 });
    expect(receiver.received).toHaveLength(1);
    const [event] = receiver.received;
    expectSigned(event, moves.secret);
    expect(verifyWebhookSignature(decisionsOnly.secret, event.headers, event.body).ok).toBe(false);
    expect(event.json).toEqual({
      id: expect.stringMatching(/^evt_[0-9a-f]{32}$/),
      type: "application.stage_moved",
      created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      data: { application_id: app.id, role_id: app.roleId, from_stage: "sourced", stage: "screening" },
    });
    for (const secretOfThePerson of [REAL_NAME, "Wilhelmina", REAL_EMAIL, String(PAY), "876,543"])
      expect(event.body + JSON.stringify(event.headers)).not.toContain(secretOfThePerson);
  });

  it("rolls back with a refused move: nothing is queued", async () => {
    const { id } = await register(["application.stage_moved"]);
    const app = newApplication("final");
    // No approved offer: the gate refuses the move to Offer.
    expect((await move(app.id, "offer")).status).toBe(400);
    expect(deliveriesOf(id).map((d) => d.eventType)).toEqual(["ping"]);
  });
});

describe("the server's worker", () => {
  it("is woken by the commit that queued a delivery: the receiver has it without waiting for the minute", async () => {
    const worker = startWebhookWorker();
    try {
      const { secret } = await register(["application.stage_moved"]);
      const app = newApplication();
      expect((await move(app.id, "screening")).status).toBe(302);
      const [ping, moved] = await receiver.waitFor(2);
      expect([ping.json.type, moved.json.type]).toEqual(["ping", "application.stage_moved"]);
      expectSigned(moved, secret);
    } finally {
      worker.stop();
    }
  });
});

describe("retries", () => {
  it("retries a 500 after a minute with the same event id, and ends delivered", async () => {
    const { id, secret } = await register(["application.stage_moved"]);
    await deliver();
    receiver.received.length = 0;
    await move(newApplication().id, "screening");
    receiver.answerWith(500);
    const t0 = new Date();
    expect(await deliver(t0)).toEqual({ delivered: 0, retrying: 1, failed: 0 });
    const waiting = deliveriesOf(id).find((d) => d.eventType !== "ping")!;
    expect(waiting).toMatchObject({ status: "queued", attempts: 1, lastStatusCode: 500, claimedBy: null });
    expect(waiting.lastError).toMatch(/^HTTP 500/);
    expect(waiting.nextAttemptAt.getTime()).toBe(t0.getTime() + webhookRetryDelayMs(1));
    // Not before its time.
    expect(await deliver(new Date(t0.getTime() + 30_000))).toEqual({ delivered: 0, retrying: 0, failed: 0 });
    expect(await deliver(new Date(t0.getTime() + 61_000))).toEqual({ delivered: 1, retrying: 0, failed: 0 });
    const [first, second] = receiver.received;
    expect(second.headers["webhook-id"]).toBe(first.headers["webhook-id"]);
    expect(second.body).toBe(first.body);
    expectSigned(second, secret);
    expect(deliveriesOf(id).find((d) => d.eventType !== "ping")).toMatchObject({
      status: "delivered",
      attempts: 2,
      lastStatusCode: 204,
      lastError: null,
    });
  });

  it("gives a dead endpoint up as failed after the last attempt, and sends it again on request", async () => {
    // A port nobody listens on: the receiver's own, once closed.
    const dead = await startWebhookReceiver();
    const url = dead.url();
    await dead.close();
    const { id } = await register(["application.stage_moved"], url);
    let now = new Date();
    for (let attempt = 1; attempt <= WEBHOOK_MAX_ATTEMPTS; attempt += 1) {
      const report = await deliver(now);
      expect(report).toEqual(
        attempt < WEBHOOK_MAX_ATTEMPTS
          ? { delivered: 0, retrying: 1, failed: 0 }
          : { delivered: 0, retrying: 0, failed: 1 },
      );
      now = new Date(now.getTime() + webhookRetryDelayMs(attempt) + 1);
    }
    const [ping] = deliveriesOf(id);
    expect(ping).toMatchObject({ status: "failed", attempts: WEBHOOK_MAX_ATTEMPTS, lastStatusCode: null });
    expect(ping.lastError).toMatch(/ECONNREFUSED/);
    expect(await deliver(new Date(now.getTime() + 86_400_000))).toEqual({ delivered: 0, retrying: 0, failed: 0 });
    const list = await invoke(webhooksPage.loader, get("/admin/webhooks", cookie(ADMIN)));
    type Listed = { endpoints: { id: number; queued: number; failed: number; lastDeliveredAt: string | null }[] };
    expect((list.data as Listed).endpoints).toEqual([
      expect.objectContaining({ id, queued: 0, failed: 1, lastDeliveredAt: null }),
    ]);

    const again = await invoke(
      endpointPage.action,
      post(`/admin/webhooks/${id}`, { intent: "redeliver", deliveryId: String(ping.id) }, { cookie: cookie(ADMIN) }),
      { endpointId: String(id) },
    );
    expect(again.location).toBe(`/admin/webhooks/${id}?saved=redelivered`);
    expect(deliveriesOf(id)[0]).toMatchObject({ status: "queued", attempts: 0 });
    // A delivery that has not failed cannot be sent again.
    db().update(webhookDeliveries).set({ status: "delivered" }).where(eq(webhookDeliveries.id, ping.id)).run();
    const refused = await invoke(
      endpointPage.action,
      post(`/admin/webhooks/${id}`, { intent: "redeliver", deliveryId: String(ping.id) }, { cookie: cookie(ADMIN) }),
      { endpointId: String(id) },
    );
    expect(refused.status).toBe(400);
  });
});

describe("answers that are not a delivery", () => {
  it("a redirect is not followed, and a receiver that does not answer in time is retried", async () => {
    const { id } = await register(["application.stage_moved"]);
    receiver.answerWith(302);
    expect(await deliver()).toEqual({ delivered: 0, retrying: 1, failed: 0 });
    expect(receiver.received).toHaveLength(1);
    expect(deliveriesOf(id)[0]).toMatchObject({ status: "queued", lastStatusCode: 302 });
    expect(deliveriesOf(id)[0].lastError).toMatch(/redirects are not followed/);

    receiver.delay(1_000);
    const later = new Date(Date.now() + 120_000);
    const slow = await deliverDueWebhooks({ workerId: "test-worker", now: () => later, timeoutMs: 200 });
    receiver.delay(0);
    expect(slow).toEqual({ delivered: 0, retrying: 1, failed: 0 });
    expect(deliveriesOf(id)[0]).toMatchObject({ status: "queued", attempts: 2, lastStatusCode: null });
    expect(deliveriesOf(id)[0].lastError).toBe("No answer within 0.2 s");
  });
});

/** `count` check.changed events, each queued in a transaction of its own as a change would queue it. */
function queueCheckEvents(count: number) {
  for (let i = 0; i < count; i += 1)
    db().transaction(() =>
      queueWebhookEvent("check.changed", {
        check_id: i,
        check: "nda",
        from_status: null,
        status: "requested",
        application_id: 1,
      }),
    );
}

describe("two workers", () => {
  it("never send one delivery twice, and take over a claim abandoned mid-attempt", async () => {
    const { id } = await register(["check.changed"]);
    queueCheckEvents(12);
    receiver.delay(15);
    const [a, b] = await Promise.all([deliver(undefined, "worker-a"), deliver(undefined, "worker-b")]);
    receiver.delay(0);
    expect(a.delivered + b.delivered).toBe(13);
    expect(a.delivered).toBeGreaterThan(0);
    expect(b.delivered).toBeGreaterThan(0);
    const ids = receiver.received.map((r) => r.json.id);
    expect(new Set(ids).size).toBe(13);
    expect(deliveriesOf(id).every((d) => d.status === "delivered" && d.attempts === 1)).toBe(true);

    // A worker that claimed a delivery and died: nobody else sends it until the claim is stale.
    receiver.received.length = 0;
    db().transaction(() =>
      queueWebhookEvent("check.changed", {
        check_id: 99,
        check: "nda",
        from_status: null,
        status: "requested",
        application_id: 1,
      }),
    );
    const now = new Date(Date.now() + 1000);
    expect(claimDueWebhookDeliveries("died", now, 10)).toHaveLength(1);
    expect(await deliver(new Date(now.getTime() + 60_000))).toEqual({ delivered: 0, retrying: 0, failed: 0 });
    expect(await deliver(new Date(now.getTime() + WEBHOOK_CLAIM_TIMEOUT_MS + 1))).toMatchObject({ delivered: 1 });
    expect(receiver.received).toHaveLength(1);
  });
});

describe("two server processes", () => {
  it("never claim the same delivery", async () => {
    const { id } = await register(["check.changed"]);
    queueCheckEvents(40);
    const { mine, theirs } = await claimRace(
      "webhooks",
      db().$client.name,
      () => claimDueWebhookDeliveries("this-process", new Date(), 1)[0]?.id,
    );
    expect(mine.filter((d) => theirs.includes(d))).toEqual([]);
    const all = deliveriesOf(id).map((d) => d.id);
    expect([...mine, ...theirs].sort((a, b) => a - b)).toEqual(all.sort((a, b) => a - b));
  });
});

describe("the other events", () => {
  const rationale = "Clear evals design and a sound rollback plan; the security answers need a follow-up.";

  it("a decision recorded, and the move it makes", async () => {
    const { secret } = await register(["decision.recorded", "application.stage_moved"]);
    await deliver();
    receiver.received.length = 0;
    const app = newApplication("screening");
    const out = await invoke(
      decide.action,
      post(
        `/applications/${app.id}/decision`,
        { version: String(versionOf(app.id)), outcome: "advance", rationale, citedAreas: ["evals"] },
        { cookie: cookie(DANA) },
      ),
      { applicationId: String(app.id) },
    );
    expect(out.status, JSON.stringify(out.data)).toBe(302);
    await deliver();
    const byType = Object.fromEntries(receiver.received.map((r) => [r.json.type, r]));
    expect(Object.keys(byType).sort()).toEqual(["application.stage_moved", "decision.recorded"]);
    const decision = db().select().from(schema.decisions).where(eq(schema.decisions.applicationId, app.id)).get()!;
    expect(byType["decision.recorded"].json.data).toEqual({
      decision_id: decision.id,
      application_id: app.id,
      role_id: app.roleId,
      stage: "screening",
      outcome: "advance",
    });
    expect(byType["application.stage_moved"].json.data).toMatchObject({
      from_stage: "screening",
      stage: "interviewing",
    });
    for (const r of receiver.received) {
      expectSigned(r, secret);
      expect(r.body).not.toContain("rollback");
    }
  });

  it("an offer approved: once, when the whole chain has approved its terms", async () => {
    const { secret } = await register(["offer.approved"]);
    await deliver();
    receiver.received.length = 0;
    const roleId = roleIdByTitle(SUPPORT);
    // Both of the chain (Priya and Morgan) must approve.
    db().update(schema.roleOfferRules).set({ required: null }).where(eq(schema.roleOfferRules.roleId, roleId)).run();
    const app = newApplication("final");
    const saved = await invoke(
      offerPage.action,
      post(
        `/applications/${app.id}/offer`,
        { intent: "save", payKind: "annual", amount: "210,000", currency: "USD", startDate: "2030-03-02" },
        { cookie: cookie(DANA) },
      ),
      { applicationId: String(app.id) },
    );
    expect(saved.status).toBe(302);
    const offer = db().select().from(schema.offers).where(eq(schema.offers.applicationId, app.id)).get()!;
    const approve = (email: string) =>
      invoke(
        approvalsPage.action,
        post(
          "/approvals",
          { offerId: String(offer.id), termsVersion: String(offer.termsVersion), decision: "approve", comment: "" },
          { cookie: cookie(email) },
        ),
      );
    expect((await approve(PRIYA)).status).toBe(302);
    await deliver();
    expect(receiver.received).toEqual([]);
    expect((await approve(ADMIN)).status).toBe(302);
    await deliver();
    expect(receiver.received).toHaveLength(1);
    const [event] = receiver.received;
    expectSigned(event, secret);
    expect(event.json).toMatchObject({
      type: "offer.approved",
      data: { offer_id: offer.id, application_id: app.id, role_id: roleId, terms_version: 1 },
    });
    expect(JSON.stringify(event.json.data)).not.toMatch(/210|USD|annual/);
    db().update(schema.roleOfferRules).set({ required: 1 }).where(eq(schema.roleOfferRules.roleId, roleId)).run();
  });

  it("a compliance check's status changed, and not a save that keeps the status", async () => {
    const { secret } = await register(["check.changed"]);
    await deliver();
    receiver.received.length = 0;
    const app = newApplication("final");
    const save = (fields: Record<string, string>) =>
      invoke(checksRoute.action, post(`/applications/${app.id}/checks`, fields, { cookie: cookie(PRIYA) }), {
        applicationId: String(app.id),
      });
    expect((await save({ type: "nda", status: "requested" })).status).toBe(302);
    const check = db()
      .select()
      .from(schema.complianceChecks)
      .where(and(eq(schema.complianceChecks.candidateId, app.candidateId!), eq(schema.complianceChecks.type, "nda")))
      .get()!;
    expect(
      (await save({ type: "nda", status: "requested", rationale: "Sent by DocuSign", version: String(check.version) }))
        .status,
    ).toBe(302);
    await deliver();
    expect(receiver.received).toHaveLength(1);
    const [event] = receiver.received;
    expectSigned(event, secret);
    expect(event.json).toMatchObject({
      type: "check.changed",
      data: { check_id: check.id, check: "nda", from_status: null, status: "requested", application_id: app.id },
    });
    expect(event.body).not.toContain("DocuSign");
  });
});

describe("an endpoint's page", () => {
  it("changes its events, refuses a stale version with 409, and deletes it with its log", async () => {
    const { id } = await register(["check.changed"]);
    const send = (fields: Record<string, string | string[]>) =>
      invoke(endpointPage.action, post(`/admin/webhooks/${id}`, fields, { cookie: cookie(ADMIN) }), {
        endpointId: String(id),
      });
    const url = receiver.url("/changed");
    const updated = await send({ intent: "update", version: "1", url, events: ["offer.approved", "check.changed"] });
    expect(updated.location).toBe(`/admin/webhooks/${id}?saved=updated`);
    expect(db().select().from(webhookEndpoints).where(eq(webhookEndpoints.id, id)).get()).toMatchObject({
      url,
      events: ["offer.approved", "check.changed"],
      version: 2,
    });
    expect(latestAudit()[0]).toMatchObject({ action: "webhook.update", fields: ["url", "description", "events"] });
    const before = totalChanges();
    expect((await send({ intent: "disable", version: "1" })).status).toBe(409);
    expect((await send({ intent: "update", version: "2", url: "ftp://x", events: ["check.changed"] })).status).toBe(
      400,
    );
    expect(totalChanges()).toBe(before);
    const rotated = await send({ intent: "rotate", version: "2" });
    const secret = (rotated.data as { rotated: string }).rotated;
    expect(secret).toMatch(/^whsec_/);
    expect(latestAudit()[0]).toMatchObject({ action: "webhook.update", fields: ["secret"] });
    expect(JSON.stringify(latestAudit()[0])).not.toContain(secret.slice(6));
    expect((await send({ intent: "delete", version: "3" })).location).toBe("/admin/webhooks?deleted=1");
    expect(
      db()
        .select()
        .from(webhookDeliveries)
        .where(inArray(webhookDeliveries.endpointId, [id]))
        .all(),
    ).toEqual([]);
    expect(latestAudit()[0]).toMatchObject({ action: "webhook.delete", subjectId: id });
  });
});
