// Webhooks' vocabulary: the events an endpoint can subscribe to and where a
// delivery is in its life. An event is thin: its type, its id, when it happened
// and the ids of the records it concerns, never a person's data. Also the rules:
// the payload, which URLs may receive it, and the retry schedule. Pure: the queue
// is app/models/webhook.server.ts, the signature app/domain/webhook-signature.ts.

export const webhookEventTypes = [
  "application.stage_moved",
  "decision.recorded",
  "offer.approved",
  "check.changed",
] as const;
export type WebhookEventType = (typeof webhookEventTypes)[number];

/** The test ping sent when an endpoint is registered; not subscribable. */
export const webhookPing = "ping" as const;

export const webhookEventLabels: Record<WebhookEventType, string> = {
  "application.stage_moved": "An application moved stage",
  "decision.recorded": "A decision was recorded",
  "offer.approved": "An offer was approved",
  "check.changed": "A compliance check changed",
};

export const webhookDeliveryStatuses = ["queued", "delivered", "failed"] as const;
export type WebhookDeliveryStatus = (typeof webhookDeliveryStatuses)[number];

export const webhookDeliveryStatusLabels: Record<WebhookDeliveryStatus, string> = {
  queued: "Queued",
  delivered: "Delivered",
  failed: "Failed",
};

export const isWebhookEventType = (value: string): value is WebhookEventType =>
  (webhookEventTypes as readonly string[]).includes(value);

/**
 * What each event carries besides its type, id and time: record ids and labels from reference lists (a stage,
 * an outcome, a check's type and status), never a name, an email, pay, findings or anything a person typed.
 */
export type WebhookEventData = {
  "application.stage_moved": { application_id: number; role_id: number; from_stage: string | null; stage: string };
  "decision.recorded": {
    decision_id: number;
    application_id: number;
    role_id: number;
    stage: string;
    outcome: string;
  };
  "offer.approved": { offer_id: number; application_id: number; role_id: number; terms_version: number };
  "check.changed": {
    check_id: number;
    check: string;
    from_status: string | null;
    status: string;
    /** The application whose page saved it (a person's checks are shared by their applications). */
    application_id: number;
  };
  ping: { endpoint_id: number };
};

/** The body of one delivery, as sent and as signed. */
export function webhookPayload<T extends keyof WebhookEventData>(event: {
  id: string;
  type: T;
  createdAt: Date;
  data: WebhookEventData[T];
}): string {
  return JSON.stringify({
    id: event.id,
    type: event.type,
    created_at: event.createdAt.toISOString(),
    data: event.data,
  });
}

/** Where an endpoint may be: https, or plain http on this machine when the server allows it (tests, development). */
export function webhookUrlProblem(value: string, options: { allowHttpLocalhost: boolean }): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return "Enter a full URL, starting with https://";
  }
  if (url.username || url.password)
    return "The URL must not carry a user name or password; the signature proves who sends";
  if (url.protocol === "https:") return null;
  const local = ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname);
  if (url.protocol === "http:" && local && options.allowHttpLocalhost) return null;
  if (url.protocol === "http:") return "The URL must start with https://";
  return "Enter a web address starting with https://";
}

/** Attempts before a delivery is given up as failed: retries over about 20 hours. */
export const WEBHOOK_MAX_ATTEMPTS = 12;
/** Each attempt waits at most this long for the receiver's answer. */
export const WEBHOOK_TIMEOUT_MS = 10_000;
/**
 * A claim older than this belongs to a worker that died mid-attempt: another worker may take the delivery again.
 * Far longer than one attempt (WEBHOOK_TIMEOUT_MS), so a slow receiver never gets one event from two workers at once.
 */
export const WEBHOOK_CLAIM_TIMEOUT_MS = 5 * 60_000;

const FIRST_RETRY_MS = 60_000;
const LONGEST_RETRY_MS = 6 * 60 * 60_000;

/** The wait after the `attempt`-th failed attempt (1-based): 1 min, 2, 4, 8, ... at most 6 hours. */
export function webhookRetryDelayMs(attempt: number): number {
  const n = Math.max(1, Math.floor(attempt));
  return Math.min(LONGEST_RETRY_MS, FIRST_RETRY_MS * 2 ** (n - 1));
}

export type WebhookAfterFailure = { status: "queued"; nextAttemptAt: Date } | { status: "failed" };

/** What becomes of a delivery whose `attempts`-th attempt (counted when claimed) just failed at `now`. */
export function afterFailedWebhookAttempt(attempts: number, now: Date): WebhookAfterFailure {
  if (attempts >= WEBHOOK_MAX_ATTEMPTS) return { status: "failed" };
  return { status: "queued", nextAttemptAt: new Date(now.getTime() + webhookRetryDelayMs(attempts)) };
}

/** The moment before which a claim is stale at `now`. */
export function staleWebhookClaimBefore(now: Date): Date {
  return new Date(now.getTime() - WEBHOOK_CLAIM_TIMEOUT_MS);
}

/** An answer or an error as one short line for the delivery log: no stack, no response body, at most 300 characters. */
export function webhookErrorText(error: unknown, timeoutMs: number = WEBHOOK_TIMEOUT_MS): string {
  const e = error as { name?: unknown; message?: unknown; cause?: { code?: unknown; message?: unknown } };
  if (e?.name === "TimeoutError") return `No answer within ${timeoutMs / 1000} s`;
  const code = typeof e?.cause?.code === "string" ? `${e.cause.code}: ` : "";
  const message =
    typeof e?.cause?.message === "string"
      ? e.cause.message
      : typeof e?.message === "string"
        ? e.message
        : String(error);
  return `${code}${message}`.replace(/\s+/g, " ").trim().slice(0, 300);
}

export const WEBHOOK_DELIVERY_PAGE_SIZE = 50;
