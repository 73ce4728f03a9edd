// `npm run notify:digest` (compiled: `node build/cli/notify-digest.js`): queue
// the daily digests due this hour (each user's at their own local hour), as
// the server's hourly schedule does, for operators who run it from cron with
// the server's schedule or instead of it. `-- --all` queues every user's digest
// now whatever their hour (users with the digest off still get none). Each
// user's digest is queued at most once per local day, so a repeat run queues
// nothing new. The server's mail worker sends what is queued; with `--send`
// this command also sends it now (or keeps it in the outbox with no SMTP_URL).
import { parseArgs } from "node:util";

const USAGE = "Usage: npm run notify:digest -- [--all] [--send]";

async function main() {
  const { values } = parseArgs({
    args: process.argv.slice(2).filter((a) => a !== "--"),
    options: { all: { type: "boolean" }, send: { type: "boolean" }, help: { type: "boolean", short: "h" } },
  });
  if (values.help) return console.log(USAGE);
  const { prepareDatabase } = await import("~/utils/db.server");
  const { enqueueDigests } = await import("~/models/digest.server");
  await prepareDatabase({ seedDemo: false });
  const run = enqueueDigests(new Date(), { all: Boolean(values.all) });
  console.log(
    `Digests queued: ${run.queued} · nothing waiting: ${run.nothingWaiting} · already sent today: ${run.alreadySent}` +
      (values.all ? "" : ` · not their hour: ${run.notTheirHour}`),
  );
  if (values.send) {
    const { getEnv } = await import("~/utils/env.server");
    const { createMailTransport, deliverDueMail, newMailWorkerId } = await import("~/utils/mail-worker.server");
    const env = getEnv();
    const transport = env.SMTP_URL ? createMailTransport(env.SMTP_URL) : null;
    try {
      const report = await deliverDueMail({ transport, from: env.MAIL_FROM, workerId: newMailWorkerId(), limit: 1000 });
      console.log(`Sent ${report.sent} · failed (will retry) ${report.failed} · kept in the outbox ${report.outbox}`);
    } finally {
      transport?.close();
    }
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
