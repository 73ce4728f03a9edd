// Webhooks: the endpoints admins register, the events queued for them in the
// transaction of the change that caused each one (an outbox, as mail is), and
// the claims and outcomes of the worker's attempts. The rules (payload, URL,
// retries, stale claims) are in app/domain/webhooks.ts, the signature in
// app/domain/webhook-signature.ts, the sending in app/utils/webhook-worker.server.ts.
import { randomBytes, randomUUID } from "node:crypto";
import { and, asc, desc, eq, getTableColumns, inArray, isNull, lt, lte, or, sql } from "drizzle-orm";
import { changedFields } from "~/domain/audit";
import { webhookSecretFrom } from "~/domain/webhook-signature";
import {
  afterFailedWebhookAttempt,
  staleWebhookClaimBefore,
  WEBHOOK_DELIVERY_PAGE_SIZE,
  webhookPayload,
  webhookPing,
  type WebhookEventData,
  type WebhookEventType,
} from "~/domain/webhooks";
import { countRows, getDb, schema } from "~/utils/db.server";
import { recordAudit } from "./audit.server";

const { webhookEndpoints, webhookDeliveries } = schema;

// ---- Nudging the worker --------------------------------------------------------------------------------------

const listeners = new Set<() => void>();
let nudgeScheduled = false;

/**
 * Call `listener` soon after deliveries were queued (the worker sends at once instead of at its next minute).
 * Returns a function that stops it.
 */
export function onWebhooksQueued(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Transactions here are synchronous, so a callback on the next turn of the event loop runs after the one that
 * queued the delivery has committed (or rolled back, and the worker finds nothing new).
 */
function nudgeWorker() {
  if (nudgeScheduled || listeners.size === 0) return;
  nudgeScheduled = true;
  setImmediate(() => {
    nudgeScheduled = false;
    for (const listener of listeners) listener();
  });
}

// ---- Queueing events -----------------------------------------------------------------------------------------

const newEventId = () => `evt_${randomUUID().replace(/-/g, "")}`;

function insertDeliveries(endpointIds: number[], event: { id: string; type: string; payload: string }, now: Date) {
  if (endpointIds.length === 0) return 0;
  const changes = getDb()
    .insert(webhookDeliveries)
    .values(
      endpointIds.map((endpointId) => ({
        endpointId,
        eventId: event.id,
        eventType: event.type,
        payload: event.payload,
        nextAttemptAt: now,
        createdAt: now,
      })),
    )
    .onConflictDoNothing()
    .run().changes;
  if (changes > 0) nudgeWorker();
  return changes;
}

/**
 * Queue one event for every enabled endpoint subscribed to its type: one delivery each, all with the same event
 * id and body. Called inside the transaction of the change that caused it (where its audit entry is written),
 * so the deliveries commit or roll back with the change. Returns how many were queued.
 */
export function queueWebhookEvent<T extends WebhookEventType>(
  type: T,
  data: WebhookEventData[T],
  now: Date = new Date(),
): number {
  const endpointIds = getDb()
    .select({ id: webhookEndpoints.id, events: webhookEndpoints.events })
    .from(webhookEndpoints)
    .where(isNull(webhookEndpoints.disabledAt))
    .all()
    .filter((e) => e.events.includes(type))
    .map((e) => e.id);
  if (endpointIds.length === 0) return 0;
  const id = newEventId();
  return insertDeliveries(endpointIds, { id, type, payload: webhookPayload({ id, type, createdAt: now, data }) }, now);
}

/** A compliance check's status changed (through one of the application's pages): its type and statuses, no findings. */
export function queueCheckChanged(
  check: { id: number; type: string; status: string },
  fromStatus: string | null,
  applicationId: number,
  now: Date,
): number {
  const data = { check_id: check.id, check: check.type, from_status: fromStatus, status: check.status };
  return queueWebhookEvent("check.changed", { ...data, application_id: applicationId }, now);
}

function queuePing(endpointId: number, now: Date) {
  const id = newEventId();
  const payload = webhookPayload({ id, type: webhookPing, createdAt: now, data: { endpoint_id: endpointId } });
  insertDeliveries([endpointId], { id, type: webhookPing, payload }, now);
}

// ---- Endpoints -----------------------------------------------------------------------------------------------

export type EndpointInput = { url: string; description: string | null; events: WebhookEventType[] };

const newSecret = () => webhookSecretFrom(randomBytes(32));

/** Register an endpoint, its audit entry (never the secret) and a ping to it; the secret is returned to show once. */
export function createWebhookEndpoint(input: EndpointInput & { actorId: number; now?: Date }): {
  id: number;
  secret: string;
} {
  const now = input.now ?? new Date();
  const secret = newSecret();
  return getDb().transaction((tx) => {
    const { id } = tx
      .insert(webhookEndpoints)
      .values({
        url: input.url,
        description: input.description,
        events: input.events,
        secret,
        createdById: input.actorId,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: webhookEndpoints.id })
      .get();
    recordAudit({
      actorId: input.actorId,
      action: "webhook.create",
      subject: { type: "webhook", id },
      fields: ["url", ...(input.description ? ["description"] : []), "events"],
      detail: { rows: input.events.length },
    });
    queuePing(id, now);
    return { id, secret };
  });
}

type EndpointRow = typeof webhookEndpoints.$inferSelect;
export type WebhookEndpointView = Omit<EndpointRow, "secret">;
export type EndpointChange = { ok: true } | { ok: false; reason: "not-found" | "conflict" };

/** Every column but the secret, which leaves the server only in the worker's signatures and once when made. */
const { secret: _secret, ...publicColumns } = getTableColumns(webhookEndpoints);

/** An endpoint as its page shows it: everything but the secret. */
export function getWebhookEndpoint(id: number): WebhookEndpointView | null {
  return getDb().select(publicColumns).from(webhookEndpoints).where(eq(webhookEndpoints.id, id)).get() ?? null;
}

/**
 * Change an endpoint at the version the page showed, inside one transaction with its audit entry. `change`
 * gives the new columns from the stored row; the entry names the fields that changed, never their values.
 */
function changeEndpoint(
  input: { id: number; version: number; actorId: number; now: Date },
  change: (row: EndpointRow) => Partial<EndpointRow>,
  after?: (row: EndpointRow) => void,
): EndpointChange {
  return getDb().transaction((tx): EndpointChange => {
    const row = tx.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, input.id)).get();
    if (!row) return { ok: false, reason: "not-found" };
    if (row.version !== input.version) return { ok: false, reason: "conflict" };
    const values = change(row);
    const fields = changedFields(row, values);
    tx.update(webhookEndpoints)
      .set({ ...values, version: row.version + 1, updatedAt: input.now })
      .where(and(eq(webhookEndpoints.id, row.id), eq(webhookEndpoints.version, row.version)))
      .run();
    recordAudit({
      actorId: input.actorId,
      action: "webhook.update",
      subject: { type: "webhook", id: row.id },
      fields: fields.map((f) => (f === "disabledAt" ? "disabled" : f)),
      ...(values.disabledAt !== undefined ? { detail: { status: values.disabledAt ? "disabled" : "enabled" } } : {}),
    });
    after?.(row);
    return { ok: true };
  });
}

export function updateWebhookEndpoint(
  input: EndpointInput & { id: number; version: number; actorId: number; now?: Date },
): EndpointChange {
  const { url, description, events } = input;
  return changeEndpoint({ ...input, now: input.now ?? new Date() }, () => ({ url, description, events }));
}

/** Stop (or resume) queueing events for an endpoint; what is already queued waits while it is disabled. */
export function setWebhookEndpointDisabled(input: {
  id: number;
  version: number;
  disabled: boolean;
  actorId: number;
  now?: Date;
}): EndpointChange {
  const now = input.now ?? new Date();
  return changeEndpoint({ ...input, now }, (row) => ({
    disabledAt: input.disabled ? (row.disabledAt ?? now) : null,
  }));
}

/** A new signing secret, in force from the next attempt on; returned to show once. */
export function rotateWebhookSecret(input: {
  id: number;
  version: number;
  actorId: number;
  now?: Date;
}): EndpointChange & { secret?: string } {
  const secret = newSecret();
  const result = changeEndpoint({ ...input, now: input.now ?? new Date() }, () => ({ secret }));
  return result.ok ? { ...result, secret } : result;
}

/** Delete an endpoint and, with it, its delivery log; the audit entry stays. */
export function deleteWebhookEndpoint(input: { id: number; version: number; actorId: number }): EndpointChange {
  return getDb().transaction((tx): EndpointChange => {
    const row = tx.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, input.id)).get();
    if (!row) return { ok: false, reason: "not-found" };
    if (row.version !== input.version) return { ok: false, reason: "conflict" };
    tx.delete(webhookDeliveries).where(eq(webhookDeliveries.endpointId, row.id)).run();
    tx.delete(webhookEndpoints).where(eq(webhookEndpoints.id, row.id)).run();
    recordAudit({ actorId: input.actorId, action: "webhook.delete", subject: { type: "webhook", id: row.id } });
    return { ok: true };
  });
}

export type WebhookEndpointSummary = WebhookEndpointView & {
  queued: number;
  failed: number;
  lastDeliveredAt: Date | null;
};

/** Every endpoint, oldest first, with how many deliveries wait or failed and when one last arrived. */
export function listWebhookEndpoints(): WebhookEndpointSummary[] {
  // Written out with table names: in a subquery an unqualified "id" would be the delivery's own.
  const count = (status: "queued" | "failed") =>
    sql<number>`(select count(*) from webhook_deliveries d where d.endpoint_id = webhook_endpoints.id and d.status = ${status})`;
  return getDb()
    .select({
      ...publicColumns,
      queued: count("queued"),
      failed: count("failed"),
      lastDeliveredAt: sql<
        number | null
      >`(select max(d.delivered_at) from webhook_deliveries d where d.endpoint_id = webhook_endpoints.id)`,
    })
    .from(webhookEndpoints)
    .orderBy(asc(webhookEndpoints.createdAt), asc(webhookEndpoints.id))
    .all()
    .map((row) => ({ ...row, lastDeliveredAt: row.lastDeliveredAt === null ? null : new Date(row.lastDeliveredAt) }));
}

export type WebhookDeliveryRow = typeof webhookDeliveries.$inferSelect;

/** One page of an endpoint's deliveries, newest first, and how many there are. */
export function listWebhookDeliveries(
  endpointId: number,
  page: number,
  pageSize = WEBHOOK_DELIVERY_PAGE_SIZE,
): { deliveries: WebhookDeliveryRow[]; total: number } {
  const deliveries = getDb()
    .select()
    .from(webhookDeliveries)
    .where(eq(webhookDeliveries.endpointId, endpointId))
    .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
    .limit(pageSize)
    .offset(Math.max(0, page - 1) * pageSize)
    .all();
  return { deliveries, total: countRows(webhookDeliveries, eq(webhookDeliveries.endpointId, endpointId)) };
}

/** Send a failed delivery again from now, with a fresh run of attempts; false when it is not this endpoint's failed one. */
export function redeliverWebhook(input: { endpointId: number; deliveryId: number; now?: Date }): boolean {
  const changed = getDb()
    .update(webhookDeliveries)
    .set({ status: "queued", attempts: 0, nextAttemptAt: input.now ?? new Date(), claimedAt: null, claimedBy: null })
    .where(
      and(
        eq(webhookDeliveries.id, input.deliveryId),
        eq(webhookDeliveries.endpointId, input.endpointId),
        eq(webhookDeliveries.status, "failed"),
      ),
    )
    .run().changes;
  if (changed > 0) nudgeWorker();
  return changed > 0;
}

// ---- The worker's claims -------------------------------------------------------------------------------------

export type ClaimedDelivery = WebhookDeliveryRow & { url: string; secret: string };

/** Queued and due, unclaimed or claimed so long ago that its worker must have died mid-attempt. */
function claimable(now: Date) {
  return and(
    eq(webhookDeliveries.status, "queued"),
    lte(webhookDeliveries.nextAttemptAt, now),
    or(isNull(webhookDeliveries.claimedAt), lt(webhookDeliveries.claimedAt, staleWebhookClaimBefore(now))),
  );
}

/**
 * Claim up to `limit` due deliveries to enabled endpoints for `workerId`, each stamped with the claim and its
 * attempt counted. One immediate transaction, so two workers (two server processes on one database) never
 * claim the same delivery; a claim is released by the attempt's outcome, or taken over once stale.
 */
export function claimDueWebhookDeliveries(workerId: string, now: Date, limit: number): ClaimedDelivery[] {
  return getDb().transaction(
    (tx) => {
      const due = tx
        .select({ id: webhookDeliveries.id, url: webhookEndpoints.url, secret: webhookEndpoints.secret })
        .from(webhookDeliveries)
        .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
        .where(and(claimable(now), isNull(webhookEndpoints.disabledAt)))
        .orderBy(asc(webhookDeliveries.nextAttemptAt), asc(webhookDeliveries.id))
        .limit(limit)
        .all();
      if (due.length === 0) return [];
      const claimed = tx
        .update(webhookDeliveries)
        .set({ claimedAt: now, claimedBy: workerId, attempts: sql`${webhookDeliveries.attempts} + 1` })
        .where(
          and(
            inArray(
              webhookDeliveries.id,
              due.map((d) => d.id),
            ),
            claimable(now),
          ),
        )
        .returning()
        .all();
      return claimed.map((row) => ({ ...row, ...due.find((d) => d.id === row.id)! }));
    },
    { behavior: "immediate" },
  );
}

/** This worker's claim on the delivery, still held. */
const heldBy = (id: number, workerId: string) =>
  and(eq(webhookDeliveries.id, id), eq(webhookDeliveries.status, "queued"), eq(webhookDeliveries.claimedBy, workerId));

/** The receiver answered 2xx. Returns false if the claim was no longer this worker's. */
export function markWebhookDelivered(id: number, workerId: string, statusCode: number, now: Date): boolean {
  return (
    getDb()
      .update(webhookDeliveries)
      .set({
        status: "delivered",
        deliveredAt: now,
        lastStatusCode: statusCode,
        lastError: null,
        claimedAt: null,
        claimedBy: null,
      })
      .where(heldBy(id, workerId))
      .run().changes > 0
  );
}

/** The attempt failed: queued again after the retry delay, or failed for good after the last attempt. */
export function markWebhookAttemptFailed(
  delivery: Pick<ClaimedDelivery, "id" | "attempts">,
  workerId: string,
  outcome: { statusCode: number | null; error: string },
  now: Date,
): boolean {
  const next = afterFailedWebhookAttempt(delivery.attempts, now);
  return (
    getDb()
      .update(webhookDeliveries)
      .set({
        status: next.status,
        ...(next.status === "queued" ? { nextAttemptAt: next.nextAttemptAt } : {}),
        lastStatusCode: outcome.statusCode,
        lastError: outcome.error,
        claimedAt: null,
        claimedBy: null,
      })
      .where(heldBy(delivery.id, workerId))
      .run().changes > 0
  );
}

/**
 * Delete deliveries that ended (delivered or failed) before `before` (the daily run, with the audit log's period);
 * queued ones stay whatever their age. Returns how many.
 */
export function pruneWebhookDeliveries(before: Date): number {
  const d = schema.webhookDeliveries;
  return getDb()
    .delete(d)
    .where(and(inArray(d.status, ["delivered", "failed"]), lt(d.createdAt, before)))
    .run().changes;
}
