// The notification schedule inside the server (croner): the scorecard-reminder
// scan every five minutes and once at start, the daily digests at the top
// of every hour (each user's goes out at their own local hour) and once at
// start, webhook deliveries every minute and whenever one is queued, and the HR board's recount of counters a new
// day has lapsed (a request gone stale, a check nearing expiry) every hour and once at start. Every message has an idempotency key, so a second server process on
// the same database, or a run after a restart, queues nothing twice; the mail
// worker sends what is queued.
import { Cron } from "croner";
import { mailErrorText } from "~/domain/mail";
import { enqueueDigests } from "~/models/digest.server";
import { enqueueScorecardReminders } from "~/models/reminders.server";
import { recountLapsedBoardStates } from "./db.server";
import { startWebhookWorker } from "./webhook-worker.server";

export const REMINDER_SCAN_PATTERN = "*/5 * * * *";
export const DIGEST_PATTERN = "0 * * * *";
/** Webhook deliveries due for a retry; a change that queues one also wakes the worker at once. */
export const WEBHOOK_PATTERN = "* * * * *";
/** The HR board's counters hold until a day they follow; a board read before the recount corrects them itself. */
export const BOARD_RECOUNT_PATTERN = "1 * * * *";

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
export const recountBoard = safely("HR board recount", () => void recountLapsedBoardStates());

/** Start the schedules (reminders, digests, webhook deliveries, the board's recount) and run each once now; returns a stop function. */
export function startNotificationJobs(): () => void {
  const webhooks = startWebhookWorker();
  const jobs = [
    new Cron(REMINDER_SCAN_PATTERN, { name: "scorecard-reminders", protect: true, unref: true }, scanReminders),
    new Cron(DIGEST_PATTERN, { name: "daily-digest", protect: true, unref: true }, queueDigests),
    new Cron(WEBHOOK_PATTERN, { name: "webhook-deliveries", protect: true, unref: true }, webhooks.run),
    new Cron(BOARD_RECOUNT_PATTERN, { name: "board-recount", protect: true, unref: true }, recountBoard),
  ];
  recountBoard();
  scanReminders();
  queueDigests();
  webhooks.run();
  return () => {
    jobs.forEach((job) => job.stop());
    webhooks.stop();
  };
}
