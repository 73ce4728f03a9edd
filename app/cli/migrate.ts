// `npm run db:migrate`: apply committed migrations. `--reset` deletes the database first,
// unless a server is using it (app/utils/server-lock.server.ts).
import { existsSync, rmSync } from "node:fs";

async function main() {
  const { getEnv } = await import("~/utils/env.server");
  const env = getEnv();
  const reset = process.argv.includes("--reset");
  if (reset) {
    const { serverHoldingDatabase } = await import("~/utils/server-lock.server");
    const server = serverHoldingDatabase(env.DATABASE_PATH);
    if (server) {
      console.error(
        `A server (process ${server.pid}) is using ${env.DATABASE_PATH}: stop it before resetting the database.\n` +
          `If no server is running, delete ${server.file} and try again.`,
      );
      process.exit(1);
    }
    for (const suffix of ["", "-wal", "-shm"]) {
      if (existsSync(env.DATABASE_PATH + suffix)) rmSync(env.DATABASE_PATH + suffix);
    }
    console.log(`Deleted ${env.DATABASE_PATH}.`);
  }
  const { prepareDatabase } = await import("~/utils/db.server");
  // This command may create the database; with --reset it was deleted on purpose.
  const result = await prepareDatabase({ seedDemo: env.SEED_DEMO, create: true, afterReset: reset });
  if (result.seeded) console.log(`Created ${env.DATABASE_PATH} and seeded demo data.`);
  else if (result.created)
    console.log(`Created ${env.DATABASE_PATH}, empty: add the first admin with \`npm run user:create\`.`);
  else console.log(`Migrated ${env.DATABASE_PATH}.`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
