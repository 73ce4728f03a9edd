// The mail worker: claims due messages one at a time and sends each through
// SMTP (nodemailer), or, with no SMTP server configured, leaves it in the
// outbox for admins to read. The server runs it on an interval
// (startMailWorker); tests run it once (deliverDueMail).
import { hostname } from "node:os";
import { randomBytes } from "node:crypto";
import nodemailer, { type Transporter } from "nodemailer";
import { mailErrorText } from "~/domain/mail";
import { claimDueMail, markMailFailed, markMailOutbox, markMailSent, type ClaimedMail } from "~/models/mail.server";
import { getEnv } from "./env.server";
import { startNotificationJobs } from "./notify-jobs.server";
import { unsubscribeUrl } from "./unsubscribe.server";

export type MailTransport = Pick<Transporter, "sendMail" | "close">;

/**
 * A transport for an smtp:// or smtps:// URL. Its timeouts end a stuck attempt
 * long before a claim goes stale (MAIL_CLAIM_TIMEOUT_MS, five minutes), so a
 * slow server never has two workers sending one message.
 */
export function createMailTransport(smtpUrl: string): MailTransport {
  const url = new URL(smtpUrl);
  return nodemailer.createTransport({
    host: url.hostname,
    port: url.port ? Number(url.port) : url.protocol === "smtps:" ? 465 : 587,
    secure: url.protocol === "smtps:",
    auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
    connectionTimeout: 20_000,
    greetingTimeout: 20_000,
    socketTimeout: 60_000,
  });
}

/** A name for this worker that no other process shares: host, process id and a random part. */
export function newMailWorkerId(): string {
  return `${hostname()}:${process.pid}:${randomBytes(4).toString("hex")}`;
}

function messageIdDomain(from: string): string {
  return from.match(/@([^>\s]+)/)?.[1] ?? "localhost";
}

async function sendOne(transport: MailTransport, from: string, message: ClaimedMail) {
  await transport.sendMail({
    from,
    to: message.recipientAddress,
    subject: message.subject,
    text: message.textBody,
    html: message.htmlBody,
    // The same Message-ID on every attempt: a receiver that saw it already may drop a repeat.
    // Mail clients offer their own unsubscribe button from this: it opens the page that stops the digest.
    ...(message.recipientId !== null ? { list: { unsubscribe: unsubscribeUrl(message.recipientId) } } : {}),
    messageId: `<mail-${message.id}.${message.idempotencyKey.replace(/[^A-Za-z0-9.-]/g, ".")}@${messageIdDomain(from)}>`,
    ...(message.calendar && message.calendarMethod
      ? { icalEvent: { method: message.calendarMethod, filename: "invite.ics", content: message.calendar } }
      : {}),
  });
}

export type DeliveryOptions = {
  /** Null: no SMTP server; every due message goes to the outbox. */
  transport: MailTransport | null;
  from: string;
  workerId: string;
  now?: () => Date;
  /** At most this many messages in one run. */
  limit?: number;
};

export type DeliveryReport = { sent: number; failed: number; outbox: number };

/** Claim and deliver due messages, one claim at a time, until none is due or `limit` are done. */
export async function deliverDueMail(options: DeliveryOptions): Promise<DeliveryReport> {
  const now = options.now ?? (() => new Date());
  const report: DeliveryReport = { sent: 0, failed: 0, outbox: 0 };
  for (let done = 0; done < (options.limit ?? 50); done += 1) {
    const [message] = claimDueMail(options.workerId, now(), 1);
    if (!message) break;
    if (!options.transport) {
      if (markMailOutbox(message.id, options.workerId)) report.outbox += 1;
      continue;
    }
    try {
      await sendOne(options.transport, options.from, message);
      markMailSent(message.id, options.workerId, now());
      report.sent += 1;
    } catch (error) {
      markMailFailed(message, options.workerId, mailErrorText(error), now());
      report.failed += 1;
    }
  }
  return report;
}

export const MAIL_WORKER_INTERVAL_MS = 15_000;

/**
 * Run the worker now and then every 15 seconds, from the configuration
 * (SMTP_URL, MAIL_FROM), after the notification schedule has started (its
 * first reminder scan and digest run queue what is due before the first
 * send). One run at a time; the timer does not keep the process alive.
 * Returns a stop function.
 */
export function startMailWorker(intervalMs = MAIL_WORKER_INTERVAL_MS): () => void {
  const env = getEnv();
  const stopNotifications = startNotificationJobs();
  const transport = env.SMTP_URL ? createMailTransport(env.SMTP_URL) : null;
  const workerId = newMailWorkerId();
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await deliverDueMail({ transport, from: env.MAIL_FROM, workerId });
    } catch (error) {
      // A locked or full database: the messages stay queued for the next run.
      console.error(`Mail worker: ${mailErrorText(error)}`);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), intervalMs);
  timer.unref();
  void tick();
  return () => {
    clearInterval(timer);
    stopNotifications();
    transport?.close();
  };
}
