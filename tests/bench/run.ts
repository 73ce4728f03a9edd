// `npm run bench`: generate synthetic databases, start the production server
// on 127.0.0.1, drive it with autocannon (bounded runs), print a table, and
// with --json FILE write the figures. Targets are in docs/benchmark.md; timing never
// goes into a unit test.
//   --quick     skip the 1,000,000-scorecard database (P2 is then not measured)
//   --json FILE write the figures as JSON
import { createCookie } from "@remix-run/node";
import autocannon from "autocannon";
import Database from "better-sqlite3";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import { generate, type Generated } from "./generate";

const args = process.argv.slice(2);
const quick = args.includes("--quick");
const jsonFile = args.includes("--json") ? args[args.indexOf("--json") + 1] : null;
const SECRET = "bench-secret-bench-secret-bench-secret-0123";
const PORT = 3900;
const HOST = "127.0.0.1";
const base = `http://${HOST}:${PORT}`;
const dir = resolve("tests/.tmp/bench");

function log(msg: string) {
  console.log(`[bench] ${msg}`);
}

async function sessionCookie(dbPath: string, userId: number): Promise<string> {
  const db = new Database(dbPath);
  const sid = randomBytes(32).toString("base64url");
  const now = Date.now();
  db.prepare("insert into sessions (id, user_id, created_at, expires_at) values (?, ?, ?, ?)").run(
    sid,
    userId,
    now,
    now + 12 * 3_600_000,
  );
  db.close();
  const header = await createCookie("hiring_session", { secrets: [SECRET], path: "/" }).serialize({ sid, seen: now });
  return header.split(";")[0];
}

async function startServer(
  dbPath: string,
  synchronous: "FULL" | "NORMAL",
): Promise<{ proc: ChildProcess; pid: number }> {
  const pidFile = resolve(dir, "server.pid");
  // As `npm start` runs it: the compiled entry, with the same Node flags as a production deploy (the heap
  // limit is part of what P6 measures).
  const proc = spawn("npm", ["start", "--silent"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(PORT),
      HOST,
      DATABASE_PATH: dbPath,
      SESSION_SECRET: SECRET,
      SEED_DEMO: "false",
      SQLITE_SYNCHRONOUS: synchronous,
      PID_FILE: pidFile,
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`${base}/healthz`)).ok) return { proc, pid: Number(readFileSync(pidFile, "utf8")) };
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  proc.kill();
  throw new Error("The server did not start within 60 seconds");
}

async function stopServer(server: { proc: ChildProcess; pid: number }) {
  const exited = new Promise((r) => server.proc.once("exit", r));
  process.kill(server.pid, "SIGTERM");
  await exited;
}

function cannon(opts: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolveRun, reject) => {
    autocannon({ timeout: 30, ...opts }, (err, result) => (err ? reject(err) : resolveRun(result)));
  });
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Math.round(Number(status.match(/VmRSS:\s+(\d+)/)![1]) / 1024);
}

/** Median of the rollup rendered in-process: the same loader queries and React render, without HTTP. */
async function inProcessFloor(dbPath: string, path: string, cookie: string, runs: number): Promise<number> {
  process.env.DATABASE_PATH = dbPath;
  process.env.SESSION_SECRET = SECRET;
  process.env.NODE_ENV = "production";
  const { createRequestHandler } = await import("@remix-run/node");
  const build = await import(pathToFileURL(resolve("build/server/index.js")).href);
  const handler = createRequestHandler(build, "production");
  const times: number[] = [];
  for (let i = 0; i < runs + 5; i++) {
    const t = performance.now();
    const res = await handler(new Request(`${base}${path}`, { headers: { Cookie: cookie } }), {
      cspNonce: "n",
      clientIp: HOST,
      appendSetCookie: () => {},
    });
    await res.text();
    if (res.status !== 200) throw new Error(`In-process ${path} answered ${res.status}`);
    if (i >= 5) times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

async function firstLoadJsGzipKb(path: string, cookie: string): Promise<number> {
  const html = await (await fetch(`${base}${path}`, { headers: { Cookie: cookie } })).text();
  const urls = new Set([...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1]));
  for (const m of html.matchAll(/import\("(\/assets\/[^"]+\.js)"\)/g)) urls.add(m[1]);
  let bytes = 0;
  for (const url of urls) bytes += gzipSync(Buffer.from(await (await fetch(`${base}${url}`)).arrayBuffer())).length;
  return Math.round((bytes / 1024) * 10) / 10;
}

async function main() {
  // Build now if the build is missing or stale (`npm start`'s own check), not inside a server's start-up wait.
  if (spawnSync(process.execPath, ["--import", "tsx", "app/cli/build-if-stale.ts"], { stdio: "inherit" }).status !== 0)
    process.exit(1);
  log("generating the 100,000-scorecard database");
  const small = generate(resolve(dir, "small.db"), {
    scorecards: 100_000,
    roles: 100,
    bigRoleApplications: 1000,
    writeInterviews: 3000,
  });
  log(`  ${small.scorecards} scorecards in ${small.seconds}s`);
  let big: Generated | null = null;
  if (!quick) {
    log("generating the 1,000,000-scorecard database");
    big = generate(resolve(dir, "big.db"), {
      scorecards: 1_000_000,
      roles: 1000,
      bigRoleApplications: 1000,
      writeInterviews: 10,
    });
    log(`  ${big.scorecards} scorecards in ${big.seconds}s`);
  }
  const rollupPath = `/roles/${small.bigRoleId}/rollup`;
  const figures: Record<string, number | null | string> = {};

  // P2 (big database) first, on its own server.
  let bigMedian: number | null = null;
  if (big) {
    const cookie = await sessionCookie(resolve(dir, "big.db"), big.adminId);
    const server = await startServer(resolve(dir, "big.db"), "FULL");
    await cannon({
      url: `${base}/roles/${big.bigRoleId}/rollup`,
      connections: 1,
      amount: 10,
      headers: { Cookie: cookie },
    });
    const r = await cannon({
      url: `${base}/roles/${big.bigRoleId}/rollup`,
      connections: 1,
      amount: 100,
      headers: { Cookie: cookie },
    });
    bigMedian = r.latency.p50;
    await stopServer(server);
  }

  const cookie = await sessionCookie(resolve(dir, "small.db"), small.adminId);
  let server = await startServer(resolve(dir, "small.db"), "FULL");
  log("P1/P2: rollup latency");
  await cannon({ url: `${base}${rollupPath}`, connections: 1, amount: 20, headers: { Cookie: cookie } });
  const page = await cannon({ url: `${base}${rollupPath}`, connections: 1, amount: 100, headers: { Cookie: cookie } });
  const floor = await inProcessFloor(resolve(dir, "small.db"), rollupPath, cookie, 100);
  figures.rollup_median_ms = page.latency.p50;
  figures.rollup_in_process_median_ms = Math.round(floor * 100) / 100;
  figures.p1_page_over_floor = Math.round((page.latency.p50 / floor) * 100) / 100;
  figures.rollup_big_db_median_ms = bigMedian;
  figures.p2_big_db_over_small_db = bigMedian === null ? null : Math.round((bigMedian / page.latency.p50) * 100) / 100;

  log("P3: throughput of the rollup against the health route");
  const pageRate = await cannon({
    url: `${base}${rollupPath}`,
    connections: 10,
    duration: 10,
    headers: { Cookie: cookie },
  });
  const healthRate = await cannon({ url: `${base}/healthz`, connections: 10, duration: 10 });
  figures.rollup_rps = pageRate.requests.average;
  figures.health_rps = healthRate.requests.average;
  figures.p3_page_over_health = Math.round((pageRate.requests.average / healthRate.requests.average) * 1000) / 1000;
  // For reading P3: the smallest signed-in page (the account form: the layout and one short form), measured the
  // same way. What a whole page costs this stack before it shows any data is the ceiling on the rollup's ratio.
  const barePage = await cannon({ url: `${base}/account`, connections: 10, duration: 10, headers: { Cookie: cookie } });
  figures.bare_page_rps = barePage.requests.average;
  figures.bare_page_over_health = Math.round((barePage.requests.average / healthRate.requests.average) * 1000) / 1000;
  figures.rollup_over_bare_page = Math.round((pageRate.requests.average / barePage.requests.average) * 1000) / 1000;

  // Scorecard submissions, each to a different interview the bench admin sits on.
  let next = 0;
  const submit = (ids: number[]) => ({
    method: "POST" as const,
    setupRequest: (req: autocannon.Request) => {
      const id = ids[next++ % ids.length];
      return {
        ...req,
        path: `/interviews/${id}/scorecard`,
        body: "intent=submit&recommendation=yes&rating_production_systems=3&rating_data_readiness=3&rating_evals=4&rating_llm_rag=3&rating_security=na&rating_cost_management=2&rating_business_communication=3",
      };
    },
  });
  const writeHeaders = { Cookie: cookie, Origin: base, "Content-Type": "application/x-www-form-urlencoded" };
  log("P4: scorecard submit with synchronous FULL, then NORMAL");
  const fullIds = small.writeInterviewIds.slice(0, 300);
  const normalIds = small.writeInterviewIds.slice(300, 600);
  next = 0;
  const full = await cannon({
    url: base,
    connections: 1,
    amount: 300,
    headers: writeHeaders,
    requests: [submit(fullIds)],
  });
  figures.submit_full_median_ms = full.latency.p50;
  await stopServer(server);
  server = await startServer(resolve(dir, "small.db"), "NORMAL");
  next = 0;
  const normal = await cannon({
    url: base,
    connections: 1,
    amount: 300,
    headers: writeHeaders,
    requests: [submit(normalIds)],
  });
  figures.submit_normal_median_ms = normal.latency.p50;
  figures.p4_full_over_normal = Math.round((full.latency.p50 / normal.latency.p50) * 100) / 100;
  figures.submit_statuses = `${full["3xx"]}/${full["4xx"]}/${full["5xx"]} (3xx/4xx/5xx, FULL)`;
  await stopServer(server);

  log("P5: 50 connections, mixed reads and writes, 20 s");
  server = await startServer(resolve(dir, "small.db"), "FULL");
  const mixedIds = small.writeInterviewIds.slice(600);
  next = 0;
  const reads = [rollupPath, `/roles/${small.bigRoleId}`, `/roles/${small.smallRoleId}/rollup`, "/", "/candidates"];
  let r = 0;
  let read = 0;
  const mixedRun = (duration: number) =>
    cannon({
      url: base,
      connections: 50,
      duration,
      headers: writeHeaders,
      requests: [
        {
          setupRequest: (req: autocannon.Request) => {
            r++;
            // Fresh headers each time: autocannon writes Content-Length into the headers object it
            // is given, and a GET carrying the previous POST's length is a malformed request.
            if (r % 5 === 0) {
              const id = mixedIds[next++ % mixedIds.length];
              return {
                ...req,
                headers: { ...writeHeaders },
                method: "POST",
                path: `/interviews/${id}/scorecard`,
                body: "intent=draft&rating_evals=3",
              };
            }
            return {
              ...req,
              headers: { Cookie: cookie },
              method: "GET",
              path: reads[read++ % reads.length],
              body: undefined,
            };
          },
        },
      ],
    });
  // The server was just restarted: 5 s of the same load first, so the 20 s measured are not its JIT warm-up.
  await mixedRun(5);
  const mixed = await mixedRun(20);
  figures.mixed_requests = mixed.requests.total;
  figures.mixed_p50_ms = mixed.latency.p50;
  figures.mixed_p99_ms = mixed.latency.p99;
  figures.p5_errors = mixed.errors + mixed.timeouts + mixed["5xx"];
  figures.mixed_4xx = mixed["4xx"];
  figures.p5_p99_over_p50 = Math.round((mixed.latency.p99 / Math.max(1, mixed.latency.p50)) * 100) / 100;

  log("P6: memory and first-load JavaScript");
  figures.p6_rss_mb = rssMb(server.pid);
  figures.p6_scorecard_js_gzip_kb = await firstLoadJsGzipKb(
    `/interviews/${small.writeInterviewIds[small.writeInterviewIds.length - 1]}/scorecard`,
    cookie,
  );
  await stopServer(server);

  const targets: Record<string, string> = {
    p1_page_over_floor: "<= 2.0",
    p2_big_db_over_small_db: "<= 1.3",
    p3_page_over_health: ">= 0.25",
    p4_full_over_normal: "<= 1.3",
    p5_errors: "0",
    p5_p99_over_p50: "<= 5",
    p6_rss_mb: "<= 250",
    p6_scorecard_js_gzip_kb: "<= 200",
  };
  console.log("\n| figure | value | target |\n|---|---|---|");
  for (const [k, v] of Object.entries(figures))
    console.log(`| ${k} | ${v ?? "not measured (--quick)"} | ${targets[k] ?? ""} |`);
  if (jsonFile) writeFileSync(jsonFile, `${JSON.stringify(figures, null, 2)}\n`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
