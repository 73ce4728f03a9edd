// `npm run db:migrate`: apply committed migrations. `--reset` deletes the database first,
// unless a server is using it (app/utils/server-lock.server.ts).
import { existsSync, rmSync } from "node:fs";

async function main() {
  const { getEnv } = await import("~/utils/env.server");
  const env = getEnv();
  if (process.argv.includes("--reset")) {
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
  const result = await prepareDatabase({ seedDemo: env.SEED_DEMO });
  console.log(`Migrated ${env.DATABASE_PATH}${result.seeded ? " and seeded demo data" : ""}.`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
