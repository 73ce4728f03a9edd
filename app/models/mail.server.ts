// The outgoing-mail queue: enqueueing a message inside the caller's
// transaction, claiming due messages for one worker, and recording how each
// attempt ended; the admins' list. The rules (retry delays, giving up, stale
// claims) are in app/domain/mail.ts; the sending in app/utils/mail-worker.server.ts.
import { and, asc, desc, eq, inArray, lt, lte, or, sql } from "drizzle-orm";
import { afterFailedAttempt, MAIL_PAGE_SIZE, staleClaimBefore, type MailKind } from "~/domain/mail";
import { withMailFooter } from "~/domain/notification-mail";
import { countRows, getDb, schema } from "~/utils/db.server";
import { getEnv, mailLinkOrigin } from "~/utils/env.server";
import { unsubscribeUrl } from "~/utils/unsubscribe.server";

const { mailMessages, users } = schema;

export type MailInput = {
  /** Names the message once and for all: enqueueing the same key again does nothing. */
  idempotencyKey: string;
  kind: MailKind;
  recipientId: number | null;
  recipientAddress: string;
  applicationId?: number | null;
  subject: string;
  text: string;
  html: string;
  calendar?: { method: "REQUEST" | "CANCEL"; content: string } | null;
};

/**
 * Queue one message. Better-sqlite3 runs one transaction per connection, so
 * called inside a model's transaction the message commits or rolls back with
 * the change that caused it. A key already queued is ignored; returns whether
 * this call queued it. A message to a user ends with the footer: the app's
 * address and the link that stops their daily digest (the worker adds the same
 * link as a List-Unsubscribe header).
 */
export function enqueueMail(input: MailInput): boolean {
  const message =
    input.recipientId === null
      ? input
      : {
          ...input,
          ...withMailFooter(input, {
            appUrl: `${mailLinkOrigin(getEnv())}/`,
            unsubscribeUrl: unsubscribeUrl(input.recipientId),
          }),
        };
  const result = getDb()
    .insert(mailMessages)
    .values({
      idempotencyKey: message.idempotencyKey,
      kind: message.kind,
      recipientId: message.recipientId,
      recipientAddress: message.recipientAddress,
      applicationId: message.applicationId ?? null,
      subject: message.subject,
      textBody: message.text,
      htmlBody: message.html,
      calendar: message.calendar?.content ?? null,
      calendarMethod: message.calendar?.method ?? null,
    })
    .onConflictDoNothing({ target: mailMessages.idempotencyKey })
    .run();
  return result.changes > 0;
}

/**
 * Delete every message about these applications (erasure): subjects, bodies and
 * calendar text name the candidate in escaped and folded forms that redacting
 * in place could miss. Returns how many.
 */
export function deleteMailAbout(applicationIds: number[]): number {
  if (applicationIds.length === 0) return 0;
  return getDb().delete(mailMessages).where(inArray(mailMessages.applicationId, applicationIds)).run().changes;
}

export type ClaimedMail = typeof mailMessages.$inferSelect;

/** Queued and due, or claimed by a worker so long ago that it must have died mid-send. */
function claimable(now: Date) {
  return or(
    and(eq(mailMessages.status, "queued"), lte(mailMessages.nextAttemptAt, now)),
    and(eq(mailMessages.status, "sending"), lt(mailMessages.claimedAt, staleClaimBefore(now))),
  );
}

/**
 * Claim up to `limit` due messages for `workerId`: each becomes 'sending',
 * stamped with the claim, its attempt counted. One immediate transaction, so
 * two workers (two server processes on one database) never claim the same message.
 */
export function claimDueMail(workerId: string, now: Date, limit: number): ClaimedMail[] {
  return getDb().transaction(
    (tx) => {
      const ids = tx
        .select({ id: mailMessages.id })
        .from(mailMessages)
        .where(claimable(now))
        .orderBy(asc(mailMessages.nextAttemptAt), asc(mailMessages.id))
        .limit(limit)
        .all()
        .map((r) => r.id);
      if (ids.length === 0) return [];
      return tx
        .update(mailMessages)
        .set({
          status: "sending",
          claimedAt: now,
          claimedBy: workerId,
          attempts: sql`${mailMessages.attempts} + 1`,
        })
        .where(and(inArray(mailMessages.id, ids), claimable(now)))
        .returning()
        .all();
    },
    { behavior: "immediate" },
  );
}

/** This worker's claim on the message, still held. */
const heldBy = (id: number, workerId: string) =>
  and(eq(mailMessages.id, id), eq(mailMessages.status, "sending"), eq(mailMessages.claimedBy, workerId));

/** The SMTP server took the message. Returns false if the claim was no longer this worker's. */
export function markMailSent(id: number, workerId: string, now: Date): boolean {
  return (
    getDb()
      .update(mailMessages)
      .set({ status: "sent", sentAt: now, claimedAt: null, claimedBy: null, lastError: null })
      .where(heldBy(id, workerId))
      .run().changes > 0
  );
}

/** No SMTP server is configured: the message stays in the outbox for admins to read. */
export function markMailOutbox(id: number, workerId: string): boolean {
  return (
    getDb()
      .update(mailMessages)
      .set({ status: "outbox", claimedAt: null, claimedBy: null })
      .where(heldBy(id, workerId))
      .run().changes > 0
  );
}

/** The attempt failed: queued again after the retry delay, or failed for good after the last attempt. */
export function markMailFailed(
  message: Pick<ClaimedMail, "id" | "attempts">,
  workerId: string,
  error: string,
  now: Date,
) {
  const next = afterFailedAttempt(message.attempts, now);
  return (
    getDb()
      .update(mailMessages)
      .set({
        status: next.status,
        ...(next.status === "queued" ? { nextAttemptAt: next.nextAttemptAt } : {}),
        lastError: error,
        claimedAt: null,
        claimedBy: null,
      })
      .where(heldBy(message.id, workerId))
      .run().changes > 0
  );
}

export type MailListEntry = Pick<
  ClaimedMail,
  | "id"
  | "kind"
  | "recipientAddress"
  | "subject"
  | "textBody"
  | "status"
  | "attempts"
  | "nextAttemptAt"
  | "sentAt"
  | "lastError"
  | "createdAt"
> & { recipientName: string | null; hasCalendar: boolean };

/** One page of messages, newest first, and how many there are. */
export function listMailMessages(
  page: number,
  pageSize = MAIL_PAGE_SIZE,
): { messages: MailListEntry[]; total: number } {
  const messages = getDb()
    .select({
      id: mailMessages.id,
      kind: mailMessages.kind,
      recipientAddress: mailMessages.recipientAddress,
      recipientName: users.name,
      subject: mailMessages.subject,
      textBody: mailMessages.textBody,
      status: mailMessages.status,
      attempts: mailMessages.attempts,
      nextAttemptAt: mailMessages.nextAttemptAt,
      sentAt: mailMessages.sentAt,
      lastError: mailMessages.lastError,
      createdAt: mailMessages.createdAt,
      hasCalendar: sql<boolean>`${mailMessages.calendar} is not null`.mapWith(Boolean),
    })
    .from(mailMessages)
    .leftJoin(users, eq(users.id, mailMessages.recipientId))
    .orderBy(desc(mailMessages.createdAt), desc(mailMessages.id))
    .limit(pageSize)
    .offset(Math.max(0, page - 1) * pageSize)
    .all();
  return { messages, total: countRows(mailMessages) };
}

/** How many messages of each kind are in each status: the admins' overview (one grouped query over the status index). */
export function countMailByKindAndStatus(): { kind: MailKind; status: ClaimedMail["status"]; n: number }[] {
  return getDb()
    .select({ kind: mailMessages.kind, status: mailMessages.status, n: sql<number>`count(*)` })
    .from(mailMessages)
    .groupBy(mailMessages.kind, mailMessages.status)
    .all();
}
