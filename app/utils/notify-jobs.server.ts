// The notification schedule inside the server (croner): the scorecard-reminder
// scan every five minutes and once at start, the daily digests at the top
// of every hour (each user's goes out at their own local hour) and once at
// start, and webhook deliveries every minute and whenever one is queued. Every message has an idempotency key, so a second server process on
// the same database, or a run after a restart, queues nothing twice; the mail
// worker sends what is queued.
import { Cron } from "croner";
import { mailErrorText } from "~/domain/mail";
import { enqueueDigests } from "~/models/digest.server";
import { enqueueScorecardReminders } from "~/models/reminders.server";
import { startWebhookWorker } from "./webhook-worker.server";

export const REMINDER_SCAN_PATTERN = "*/5 * * * *";
export const DIGEST_PATTERN = "0 * * * *";
/** Webhook deliveries due for a retry; a change that queues one also wakes the worker at once. */
export const WEBHOOK_PATTERN = "* * * * *";

function safely(label: string, job: () => void) {
  return () => {
    try {
      job();
    } catch (error) {
      // A locked or full database: the next run tries again; nothing was half-queued (one transaction each).
      console.error(`${label}: ${mailErrorText(error)}`);
    }
  };
}

export const scanReminders = safely("Scorecard reminders", () => void enqueueScorecardReminders(new Date()));
export const queueDigests = safely("Daily digest", () => void enqueueDigests(new Date()));

/** Start the schedules (reminders, digests, webhook deliveries) and run each once now; returns a stop function. */
export function startNotificationJobs(): () => void {
  const webhooks = startWebhookWorker();
  const jobs = [
    new Cron(REMINDER_SCAN_PATTERN, { name: "scorecard-reminders", protect: true, unref: true }, scanReminders),
    new Cron(DIGEST_PATTERN, { name: "daily-digest", protect: true, unref: true }, queueDigests),
    new Cron(WEBHOOK_PATTERN, { name: "webhook-deliveries", protect: true, unref: true }, webhooks.run),
  ];
  scanReminders();
  queueDigests();
  webhooks.run();
  return () => {
    jobs.forEach((job) => job.stop());
    webhooks.stop();
  };
}
