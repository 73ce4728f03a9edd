// `npm start`: build if needed, migrate, seed demo data on first run, serve.
// `npm run dev`: the same with Vite's dev middleware instead of the build.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const dev = process.argv.includes("--dev");
process.env.NODE_ENV ??= dev ? "development" : "production";

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function buildIfNeeded() {
  const serverBuild = "build/server/index.js";
  const sources = Math.max(newestMtime("app"), newestMtime("public"), statSync("vite.config.ts").mtimeMs);
  if (existsSync(serverBuild) && statSync(serverBuild).mtimeMs >= sources) return;
  console.log(existsSync(serverBuild) ? "Sources changed since the last build: rebuilding…" : "No build yet: building…");
  const result = spawnSync("npx", ["remix", "vite:build"], { stdio: "inherit", env: { ...process.env, NODE_ENV: "production" } });
  if (result.status !== 0) {
    console.error("Build failed.");
    process.exit(result.status ?? 1);
  }
}

async function main() {
  const { getEnv } = await import("~/utils/env.server");
  let env;
  try {
    env = getEnv();
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
  if (!dev) buildIfNeeded();

  const { prepareDatabase } = await import("~/utils/db.server");
  const prepared = await prepareDatabase({ seedDemo: env.SEED_DEMO });
  // While this process serves the database, `npm run db:reset` refuses to delete it.
  (await import("~/utils/server-lock.server")).claimServerLock(env.DATABASE_PATH);
  const { createHttpApp } = await import("./http-server");
  const app = await createHttpApp({ dev, trustProxy: env.TRUST_PROXY, appOrigin: env.APP_ORIGIN });

  app.listen(env.PORT, env.HOST, () => {
    // For tools that need the serving process (the benchmark reads its memory).
    if (process.env.PID_FILE) writeFileSync(process.env.PID_FILE, String(process.pid));
    const url = `http://${env.HOST === "0.0.0.0" ? "localhost" : env.HOST}:${env.PORT}`;
    console.log(`\nAI talent scorecards is running on ${url} (${dev ? "development" : "production"}, database ${env.DATABASE_PATH})`);
    if (prepared.seeded) console.log("Seeded demo data into a new database.");
    if (prepared.demoLogins.length) {
      console.log(`\nDemo logins (password for all: ${prepared.demoPassword}):`);
      for (const login of prepared.demoLogins) console.log(`  ${login.kind.padEnd(15)} ${login.email}  (${login.name})`);
    } else if (prepared.userCount === 0) {
      console.log("\nNo users yet: create the first admin with `npm run user:create`.");
    }
  });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
