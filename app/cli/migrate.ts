// `npm run db:migrate`: apply committed migrations. `--reset` deletes the database first.
import { existsSync, rmSync } from "node:fs";

async function main() {
  const { getEnv } = await import("~/utils/env.server");
  const env = getEnv();
  if (process.argv.includes("--reset")) {
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
