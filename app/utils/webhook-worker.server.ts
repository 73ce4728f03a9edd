// The webhook worker: claims due deliveries one at a time and POSTs each,
// signed, to its endpoint. A 2xx answer delivers it; any other answer, a
// redirect (never followed), a timeout or a network error is retried later
// with a growing wait, and given up after the last attempt. The jobs schedule
// (app/utils/notify-jobs.server.ts) runs it every minute and right after a
// change queued deliveries; tests run it once (deliverDueWebhooks).
import { hostname } from "node:os";
import { randomBytes } from "node:crypto";
import { webhookHeaders } from "~/domain/webhook-signature";
import { WEBHOOK_MAX_ATTEMPTS, WEBHOOK_TIMEOUT_MS, webhookErrorText } from "~/domain/webhooks";
import {
  claimDueWebhookDeliveries,
  markWebhookAttemptFailed,
  markWebhookDelivered,
  onWebhooksQueued,
  type ClaimedDelivery,
} from "~/models/webhook.server";

export const WEBHOOK_USER_AGENT = "AI-Talent-Scorecards-Webhooks/1";

/** A name for this worker that no other process shares: host, process id and a random part. */
export function newWebhookWorkerId(): string {
  return `${hostname()}:${process.pid}:${randomBytes(4).toString("hex")}`;
}

type Attempt = { ok: true; statusCode: number } | { ok: false; statusCode: number | null; error: string };

/** One signed POST; the response body is never read (a receiver's answer is its status). */
async function attempt(delivery: ClaimedDelivery, now: Date, timeoutMs: number): Promise<Attempt> {
  try {
    const response = await fetch(delivery.url, {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        "User-Agent": WEBHOOK_USER_AGENT,
        ...webhookHeaders(delivery.secret, delivery.eventId, delivery.payload, now),
      },
      body: delivery.payload,
      // A redirect is an answer, not an instruction: the signed event goes only where the admin registered.
      redirect: "manual",
      signal: AbortSignal.timeout(timeoutMs),
    });
    await response.body?.cancel().catch(() => undefined);
    if (response.status >= 200 && response.status < 300) return { ok: true, statusCode: response.status };
    const redirect = response.status >= 300 && response.status < 400;
    return {
      ok: false,
      statusCode: response.status,
      error: redirect
        ? `HTTP ${response.status}: redirects are not followed`
        : `HTTP ${response.status} ${response.statusText}`.trim(),
    };
  } catch (error) {
    return { ok: false, statusCode: null, error: webhookErrorText(error, timeoutMs) };
  }
}

export type WebhookRunOptions = {
  workerId: string;
  now?: () => Date;
  /** At most this many deliveries in one run. */
  limit?: number;
  timeoutMs?: number;
};

export type WebhookRunReport = { delivered: number; retrying: number; failed: number };

/** Claim and attempt due deliveries, one claim at a time, until none is due or `limit` are done. */
export async function deliverDueWebhooks(options: WebhookRunOptions): Promise<WebhookRunReport> {
  const now = options.now ?? (() => new Date());
  const report: WebhookRunReport = { delivered: 0, retrying: 0, failed: 0 };
  for (let done = 0; done < (options.limit ?? 100); done += 1) {
    const [delivery] = claimDueWebhookDeliveries(options.workerId, now(), 1);
    if (!delivery) break;
    const outcome = await attempt(delivery, now(), options.timeoutMs ?? WEBHOOK_TIMEOUT_MS);
    if (outcome.ok) {
      if (markWebhookDelivered(delivery.id, options.workerId, outcome.statusCode, now())) report.delivered += 1;
    } else if (markWebhookAttemptFailed(delivery, options.workerId, outcome, now())) {
      if (delivery.attempts >= WEBHOOK_MAX_ATTEMPTS) report.failed += 1;
      else report.retrying += 1;
    }
  }
  return report;
}

/**
 * The server's worker: `run` sends what is due, one run at a time; a call while a run is under way makes one
 * more run after it (a nudge must not be lost). Listens for newly queued deliveries; returns a stop function.
 */
export function startWebhookWorker(): { run: () => void; stop: () => void } {
  const workerId = newWebhookWorkerId();
  let running = false;
  let again = false;
  const run = () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    void (async () => {
      do {
        again = false;
        try {
          await deliverDueWebhooks({ workerId });
        } catch (error) {
          // A locked or full database: the deliveries stay queued for the next run.
          console.error(`Webhook worker: ${webhookErrorText(error)}`);
        }
      } while (again);
      running = false;
    })();
  };
  const stopListening = onWebhooksQueued(run);
  return { run, stop: stopListening };
}
