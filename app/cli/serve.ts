// Serving: load the server build once, take configuration and the database from
// it (migrate, seed demo data on first run), then listen. The build's modules are
// the only copies in the process: the Remix request handler is given this same
// build, and this module bundles neither the database nor the configuration module
// (app/cli/build-cli.test.ts checks the compiled start entry).
import type { ServerBuild } from "@remix-run/node";
import { existsSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { ViteDevServer } from "vite";
import { createHttpApp } from "./http-server";

/** What app/entry.server.tsx exports for the serving process (types only: erased from the bundle). */
type ServingEntry = Pick<
  typeof import("~/entry.server"),
  "getEnv" | "prepareDatabase" | "guardActions" | "claimServerLock" | "startDailyJobs" | "startMailWorker"
>;

function servingEntry(build: ServerBuild): ServingEntry {
  const entry = build.entry.module as unknown as Partial<ServingEntry>;
  if (
    typeof entry.getEnv !== "function" ||
    typeof entry.prepareDatabase !== "function" ||
    typeof entry.guardActions !== "function" ||
    typeof entry.claimServerLock !== "function" ||
    typeof entry.startDailyJobs !== "function" ||
    typeof entry.startMailWorker !== "function"
  ) {
    throw new Error(
      "The server build's entry lacks what serving needs (getEnv, prepareDatabase, guardActions, claimServerLock, startDailyJobs, startMailWorker): rebuild with `npm run build`.",
    );
  }
  return entry as ServingEntry;
}

/** Serve the production build in `buildDir`, or, given Vite's dev server, the sources through it. */
export async function serve(options: { buildDir?: string; vite?: ViteDevServer } = {}) {
  const dev = Boolean(options.vite);
  const buildDir = resolve(options.buildDir ?? "build");
  let build: ServerBuild | (() => Promise<ServerBuild>);
  let loaded: ServerBuild;
  if (options.vite) {
    const vite = options.vite;
    build = () => vite.ssrLoadModule("virtual:remix/server-build") as Promise<ServerBuild>;
    loaded = await build();
  } else {
    const serverBuild = `${buildDir}/server/index.js`;
    if (!existsSync(serverBuild)) {
      console.error(
        `No server build at ${serverBuild}: run \`npm run build\` first (\`npm start\` builds when needed).`,
      );
      process.exit(1);
    }
    build = loaded = (await import(pathToFileURL(serverBuild).href)) as ServerBuild;
  }

  const { getEnv, prepareDatabase, guardActions, claimServerLock, startDailyJobs, startMailWorker } =
    servingEntry(loaded);
  // Every route's action is admitted through the action guard before its own code (app/utils/action-guard.server.ts).
  const source = build;
  build = typeof source === "function" ? () => source().then(guardActions) : guardActions(source);
  let env;
  try {
    env = getEnv();
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
  const prepared = await prepareDatabase({ seedDemo: env.SEED_DEMO });
  // While this process serves the database, `npm run db:reset` refuses to delete it.
  claimServerLock(env.DATABASE_PATH);
  // The retention rule and audit-log pruning, daily; a second process on the same database skips a claimed day.
  startDailyJobs(env);
  // Queued mail is sent (or, with no SMTP_URL, kept in the outbox) every few seconds from now on.
  startMailWorker();
  const app = createHttpApp({
    build,
    buildDir,
    vite: options.vite,
    trustProxy: env.TRUST_PROXY,
    appOrigin: env.APP_ORIGIN,
    logRequests: env.LOG_REQUESTS,
  });

  app.listen(env.PORT, env.HOST, () => {
    // For tools that need the serving process (the benchmark reads its memory).
    if (process.env.PID_FILE) writeFileSync(process.env.PID_FILE, String(process.pid));
    const url = `http://${env.HOST === "0.0.0.0" ? "localhost" : env.HOST}:${env.PORT}`;
    console.log(
      `\nAI talent scorecards is running on ${url} (${dev ? "development" : "production"}, database ${env.DATABASE_PATH})`,
    );
    if (prepared.seeded) console.log("Seeded demo data into a new database.");
    if (prepared.demoLogins.length) {
      console.log(`\nDemo logins (password for all: ${prepared.demoPassword}):`);
      for (const login of prepared.demoLogins)
        console.log(`  ${login.kind.padEnd(15)} ${login.email}  (${login.name})`);
    } else if (prepared.userCount === 0) {
      console.log(
        "\nNo users yet: create the first admin with `npm run user:create` (or `node build/cli/user-create.js`).",
      );
    }
  });
}
