// Outgoing mail as the app keeps it: the kinds of message, where a message is
// in its life, and the retry rule after a failed send. Pure: the queue lives in
// app/models/mail.server.ts, the sending in app/utils/mail-worker.server.ts.

export const mailKinds = [
  "interview_invitation",
  "interview_update",
  "interview_cancel",
  "scorecard_due",
  "scorecard_overdue",
  "digest",
  "approval_request",
  "approval_outcome",
  "decision_recorded",
] as const;
export type MailKind = (typeof mailKinds)[number];

export const mailKindLabels: Record<MailKind, string> = {
  interview_invitation: "Interview invitation",
  interview_update: "Interview update",
  interview_cancel: "Interview cancelled",
  scorecard_due: "Scorecard due",
  scorecard_overdue: "Scorecard overdue",
  digest: "Daily digest",
  approval_request: "Offer approval asked",
  approval_outcome: "Offer approval outcome",
  decision_recorded: "Decision recorded",
};

/**
 * queued: waiting for its next attempt. sending: claimed by a worker that is
 * sending it now. sent: the SMTP server took it. failed: given up after
 * MAIL_MAX_ATTEMPTS. outbox: no SMTP server is configured, so it stays here to be read.
 */
export const mailStatuses = ["queued", "sending", "sent", "failed", "outbox"] as const;
export type MailStatus = (typeof mailStatuses)[number];

export const mailStatusLabels: Record<MailStatus, string> = {
  queued: "Queued",
  sending: "Sending",
  sent: "Sent",
  failed: "Failed",
  outbox: "Outbox (not sent)",
};

/**
 * A claim older than this belongs to a worker that died mid-send: another
 * worker may take the message again. Far longer than one SMTP conversation.
 */
export const MAIL_CLAIM_TIMEOUT_MS = 5 * 60_000;

/** Attempts before a message is given up as failed (about 17 hours of retries). */
export const MAIL_MAX_ATTEMPTS = 8;

const FIRST_RETRY_MS = 2 * 60_000;
const LONGEST_RETRY_MS = 6 * 60 * 60_000;

/** How long to wait after the `attempt`-th failed attempt (1-based): 2 min, 6, 18, 54, ... at most 6 hours. */
export function retryDelayMs(attempt: number): number {
  const n = Math.max(1, Math.floor(attempt));
  return Math.min(LONGEST_RETRY_MS, FIRST_RETRY_MS * 3 ** (n - 1));
}

export type AfterFailure = { status: "queued"; nextAttemptAt: Date } | { status: "failed" };

/** What becomes of a message whose `attempts`-th attempt (counted when claimed) just failed at `now`. */
export function afterFailedAttempt(attempts: number, now: Date): AfterFailure {
  if (attempts >= MAIL_MAX_ATTEMPTS) return { status: "failed" };
  return { status: "queued", nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempts)) };
}

/** The moment before which a 'sending' claim is stale at `now`. */
export function staleClaimBefore(now: Date): Date {
  return new Date(now.getTime() - MAIL_CLAIM_TIMEOUT_MS);
}

/** An error as one short line for the admins' page: no stack, at most 500 characters. */
export function mailErrorText(error: unknown): string {
  const e = error as { message?: unknown; responseCode?: unknown; code?: unknown };
  const message = typeof e?.message === "string" ? e.message : String(error);
  const code =
    typeof e?.responseCode === "number" ? `${e.responseCode} ` : typeof e?.code === "string" ? `${e.code}: ` : "";
  return `${code}${message}`.replace(/\s+/g, " ").trim().slice(0, 500);
}

export const MAIL_PAGE_SIZE = 50;
