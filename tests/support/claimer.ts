// A second worker in its own process, for the two-processes tests of the mail and webhook queues
// (tests/support/claim-race.ts starts it): prints "ready" once loaded, waits for a line on stdin, then claims
// due rows one at a time through the app's own claim function until none is left (printing "claiming" after
// the first), and prints the ids it claimed as JSON.
import { createInterface } from "node:readline";

process.env.DATABASE_PATH = process.argv[2];
process.env.SESSION_SECRET ??= "test-secret-test-secret-test-secret-0123";
const queue = process.argv[3];

const claimOne: () => number | undefined =
  queue === "webhooks"
    ? await import("~/models/webhook.server").then(
        (m) => () => m.claimDueWebhookDeliveries("second-process", new Date(), 1)[0]?.id,
      )
    : await import("~/models/mail.server").then((m) => () => m.claimDueMail("second-process", new Date(), 1)[0]?.id);
console.log("ready");
const lines = createInterface({ input: process.stdin });
for await (const line of lines) {
  void line;
  const claimed: number[] = [];
  for (;;) {
    const id = claimOne();
    if (id === undefined) break;
    claimed.push(id);
    // Tell the test we are claiming, so its own claims start while ours go on.
    if (claimed.length === 1) console.log("claiming");
    // Yield between claims as a server's worker does, so stdout is written and the other process's claims interleave.
    await new Promise((resolve) => setImmediate(resolve));
  }
  console.log(JSON.stringify(claimed));
  break;
}
lines.close();
