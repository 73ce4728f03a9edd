// Prepares DATABASE_PATH exactly as app/cli/start.ts does before serving, for
// tests/integration/demo-seeding.test.ts: prints the outcome as JSON, or the
// refusal on stderr with exit code 1.
import { prepareDatabase } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";

try {
  const prepared = await prepareDatabase({ seedDemo: getEnv().SEED_DEMO });
  console.log(JSON.stringify({ created: prepared.created, seeded: prepared.seeded, userCount: prepared.userCount }));
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
