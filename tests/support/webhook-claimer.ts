// A second webhook worker in its own process, for tests/integration/webhooks.test.ts:
// prints "ready" once loaded, waits for a line on stdin, then claims due
// deliveries one at a time through the app's own claimDueWebhookDeliveries until
// none is left (printing "claiming" after the first), and prints the ids it claimed as JSON.
import { createInterface } from "node:readline";

process.env.DATABASE_PATH = process.argv[2];
process.env.SESSION_SECRET ??= "test-secret-test-secret-test-secret-0123";

const { claimDueWebhookDeliveries } = await import("~/models/webhook.server");
console.log("ready");
const lines = createInterface({ input: process.stdin });
for await (const line of lines) {
  void line;
  const claimed: number[] = [];
  for (;;) {
    const [delivery] = claimDueWebhookDeliveries("second-process", new Date(), 1);
    if (!delivery) break;
    claimed.push(delivery.id);
    if (claimed.length === 1) console.log("claiming");
    // Yield between claims as a server's worker does, so the other process's claims interleave.
    await new Promise((resolve) => setImmediate(resolve));
  }
  console.log(JSON.stringify(claimed));
  break;
}
lines.close();
