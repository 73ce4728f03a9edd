// `npm run bench`: generate (or take from the cache) the synthetic databases, start the production server
// on 127.0.0.1, time every kind of page on both databases, drive the server with autocannon (bounded runs),
// print a table, and with --json FILE write the figures. Targets and method are in docs/benchmark.md;
// timing never goes into a unit test.
//   --quick              skip the large database (the by-page ratios and P2 are then not measured)
//   --json FILE          write the figures as JSON
//   --large-scale X      generate the large database at X times its size (for working on the bench itself)
//   --warm-runs N        timed warm requests per page and database (default 9)
//   --uncached-runs N    timed requests after a write, per page and database (default 9)
import { createCookie } from "@remix-run/node";
import autocannon from "autocannon";
import Database from "better-sqlite3";
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import { prepareDatabase, type Generated, type GenerateOptions } from "./generate";
import { measurePage, pageList, type Outcome, type PageResult, type Persona, type Target } from "./pages";
import { crashes, HOST, restartServer, rssMb, SECRET, startServer, stopServer, type Server } from "./server";

const args = process.argv.slice(2);
const quick = args.includes("--quick");
const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : null);
const jsonFile = option("--json");
const largeScale = Number(option("--large-scale") ?? 1);
const warmRuns = Number(option("--warm-runs") ?? 9);
const uncachedRuns = Number(option("--uncached-runs") ?? 9);
// BENCH_PORT moves both servers, so two runs can share a machine (their figures then share its cores).
const SMALL_PORT = Number(process.env.BENCH_PORT ?? 3900);
const LARGE_PORT = SMALL_PORT + 1;
// --pages TEXT: only the pages whose persona and name contain TEXT (or one of TEXT's "|"-separated parts), and none
// of the loads after them.
const pagesOnly = option("--pages");
const dir = resolve("tests/.tmp/bench");

const SMALL: GenerateOptions = {
  people: 17_000,
  scorecards: 100_000,
  roles: 100,
  bigRoleApplications: 1000,
  writeInterviews: 3000,
};
// 1,000,000 scorecards asked for: with 165 applications of six scorecards on each of 999 roles besides the
// big one, that makes 995,010 scorecards on 165,835 applications.
const LARGE: GenerateOptions = {
  people: Math.round(200_000 * largeScale),
  scorecards: Math.round(1_000_000 * largeScale),
  roles: Math.max(20, Math.round(1000 * largeScale)),
  bigRoleApplications: 1000,
  writeInterviews: 600,
};

function log(msg: string) {
  console.log(`[bench] ${new Date().toISOString().slice(11, 19)} ${msg}`);
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

async function cookiesFor(dbPath: string, g: Generated): Promise<Record<Persona, string>> {
  return {
    admin: await sessionCookie(dbPath, g.adminId),
    recruiter: await sessionCookie(dbPath, g.recruiterId),
    "hiring manager": await sessionCookie(dbPath, g.hiringManagerId),
    interviewer: await sessionCookie(dbPath, g.interviewerId),
  };
}

function cannon(opts: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolveRun, reject) => {
    autocannon({ timeout: 30, ...opts }, (err, result) => (err ? reject(err) : resolveRun(result)));
  });
}

/** Median of the rollup rendered in-process: the same loader queries and React render, without HTTP. */
async function inProcessFloor(base: string, dbPath: string, path: string, cookie: string, runs: number) {
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

async function firstLoadJsGzipKb(base: string, path: string, cookie: string): Promise<number> {
  const html = await (await fetch(`${base}${path}`, { headers: { Cookie: cookie } })).text();
  const urls = new Set([...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1]));
  for (const m of html.matchAll(/import\("(\/assets\/[^"]+\.js)"\)/g)) urls.add(m[1]);
  let bytes = 0;
  for (const url of urls) bytes += gzipSync(Buffer.from(await (await fetch(`${base}${url}`)).arrayBuffer())).length;
  return Math.round((bytes / 1024) * 10) / 10;
}

const DRAFT_BODY = "intent=draft&rating_evals=3";
const SUBMIT_BODY =
  "intent=submit&recommendation=yes&rating_production_systems=3&rating_data_readiness=3&rating_evals=4&rating_llm_rag=3&rating_security=na&rating_cost_management=2&rating_business_communication=3";
const writeHeadersFor = (base: string, cookie: string) => ({
  Cookie: cookie,
  Origin: base,
  "Content-Type": "application/x-www-form-urlencoded",
});

/**
 * A load on `connections` connections for `duration` seconds: the reads in turn, and every `writeEvery`-th
 * request a scorecard draft saved (0: reads only). Every request gets fresh headers: autocannon writes
 * Content-Length into the headers object it is handed, and a GET carrying the previous POST's length is a
 * malformed request.
 */
function mixedLoad(
  server: Server,
  cookie: string,
  reads: string[],
  writeIds: number[],
  writeEvery: number,
  duration: number,
) {
  let r = 0;
  let read = 0;
  let write = 0;
  const writeHeaders = writeHeadersFor(server.base, cookie);
  return cannon({
    url: server.base,
    connections: 50,
    duration,
    headers: writeHeaders,
    requests: [
      {
        setupRequest: (req: autocannon.Request) => {
          r++;
          if (writeEvery > 0 && r % writeEvery === 0) {
            const id = writeIds[write++ % writeIds.length];
            return {
              ...req,
              headers: { ...writeHeaders },
              method: "POST",
              path: `/interviews/${id}/scorecard`,
              body: DRAFT_BODY,
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
}

/**
 * Runs a load while watching the server: if it exits (a page that exhausts its memory), it is started again at
 * once on the same port, and the load goes on against the new process.
 */
async function withRestarts<T>(t: Target, run: () => Promise<T>): Promise<T> {
  let done = false;
  const watch = (async () => {
    while (!done) {
      await Promise.race([t.server.exited, new Promise((r) => setTimeout(r, 500))]);
      if (!done && t.server.hasExited) t.server = await restartServer(t.server, dir, log);
    }
  })();
  try {
    return await run();
  } finally {
    done = true;
    await watch;
  }
}

const ratio = (a: number | null, b: number | null, digits = 100) =>
  a === null || b === null || b === 0 ? null : Math.round((a / b) * digits) / digits;

type PageRow = { persona: string; page: string; path: string; results: Record<string, PageResult> };

function pageFigures(rows: PageRow[]) {
  const cell = (o: Outcome | undefined) => (o === undefined ? null : o.failure ? o.failure : o.ms);
  const p2Pages: Record<string, unknown> = {};
  let worst: { ratio: number; page: string } | null = null;
  const failedOnLarge: string[] = [];
  for (const row of rows) {
    const key = `${row.persona}: ${row.page}`;
    const s = row.results.small;
    const l = row.results.large;
    const warmRatio = l ? ratio(l.warm.ms, s.warm.ms) : null;
    const uncachedRatio = l ? ratio(l.uncached.ms, s.uncached.ms) : null;
    for (const [mode, value] of [
      ["warm", warmRatio],
      ["uncached", uncachedRatio],
    ] as const) {
      if (value !== null && (worst === null || value > worst.ratio)) worst = { ratio: value, page: `${key} (${mode})` };
    }
    if (l && (l.warm.failure || l.uncached.failure)) failedOnLarge.push(`${key}: ${l.uncached.failure}`);
    p2Pages[key] = {
      path: row.path,
      small_warm_ms: cell(s.warm),
      small_uncached_ms: cell(s.uncached),
      large_warm_ms: cell(l?.warm),
      large_uncached_ms: cell(l?.uncached),
      warm_large_over_small: warmRatio,
      uncached_large_over_small: uncachedRatio,
      // Timed runs (warm / uncached) behind each median: a slow page gets fewer.
      small_runs: `${s.warm.runs ?? 0} / ${s.uncached.runs ?? 0}`,
      large_runs: l ? `${l.warm.runs ?? 0} / ${l.uncached.runs ?? 0}` : null,
    };
  }
  return { p2Pages, worst, failedOnLarge };
}

function printPageTable(rows: PageRow[]) {
  const show = (o: Outcome | undefined) => (o === undefined ? "-" : o.failure ? `**${o.failure}**` : `${o.ms}`);
  console.log(
    "\n| who | page | small warm ms | small uncached ms | large warm ms | large uncached ms | large/small warm | large/small uncached |",
  );
  console.log("|---|---|---|---|---|---|---|---|");
  for (const row of rows) {
    const s = row.results.small;
    const l = row.results.large;
    console.log(
      `| ${row.persona} | ${row.page} | ${show(s.warm)} | ${show(s.uncached)} | ${show(l?.warm)} | ${show(l?.uncached)} | ${
        l ? (ratio(l.warm.ms, s.warm.ms) ?? "-") : "-"
      } | ${l ? (ratio(l.uncached.ms, s.uncached.ms) ?? "-") : "-"} |`,
    );
  }
}

async function main() {
  const started = Date.now();
  // Build now if the build is missing or stale (`npm start`'s own check), not inside a server's start-up wait.
  if (spawnSync(process.execPath, ["--import", "tsx", "app/cli/build-if-stale.ts"], { stdio: "inherit" }).status !== 0)
    process.exit(1);
  const figures: Record<string, unknown> = {};
  const describe = (name: string, g: Generated & { cached: boolean }) =>
    log(
      `  ${name}: ${g.people} people, ${g.applications} applications, ${g.scorecards} scorecards, ${g.checks} checks` +
        (g.cached ? " (from the cache)" : ` generated in ${g.seconds} s (${g.cpuSeconds} s of CPU)`),
    );
  log("preparing the small database");
  const smallPath = resolve(dir, "small.db");
  const small = prepareDatabase(smallPath, SMALL);
  describe("small", small);
  figures.small_db_generate_s = small.seconds;
  figures.small_db_generate_cpu_s = small.cpuSeconds;
  let large: (Generated & { cached: boolean }) | null = null;
  const largePath = resolve(dir, "large.db");
  if (!quick) {
    log(`preparing the large database${largeScale !== 1 ? ` (scaled by ${largeScale})` : ""}`);
    large = prepareDatabase(largePath, LARGE);
    describe("large", large);
    figures.large_db_generate_s = large.seconds;
    figures.large_db_generate_cpu_s = large.cpuSeconds;
  }

  // Both servers up at once; requests alternate between them, one at a time.
  const targets: Target[] = [];
  const smallCookies = await cookiesFor(smallPath, small);
  const makeTarget = async (name: "small" | "large", path: string, g: Generated, port: number): Promise<Target> => ({
    name,
    server: await startServer(dir, path, port, "FULL", log),
    generated: g,
    cookies: name === "small" ? smallCookies : await cookiesFor(path, g),
    writer: new Database(path),
    dir,
    note: log,
  });
  targets.push(await makeTarget("small", smallPath, small, SMALL_PORT));
  if (large) targets.push(await makeTarget("large", largePath, large, LARGE_PORT));
  const smallTarget = targets[0];
  const largeTarget = targets[1] as Target | undefined;

  // P2 as measured before pages were: the big role's rollup on the large database (100 requests, one connection).
  let bigMedian: number | null = null;
  if (largeTarget) {
    const url = `${largeTarget.server.base}/roles/${large!.bigRoleId}/rollup`;
    const headers = { Cookie: largeTarget.cookies.admin };
    await cannon({ url, connections: 1, amount: 10, headers });
    bigMedian = (await cannon({ url, connections: 1, amount: 100, headers })).latency.p50;
  }

  log(`P2 by page: ${warmRuns} warm and ${uncachedRuns} uncached requests per page and database`);
  const rows: PageRow[] = [];
  for (const spec of pageList(small)) {
    if (pagesOnly !== null && !pagesOnly.split("|").some((part) => `${spec.persona}: ${spec.page}`.includes(part)))
      continue;
    const results = await measurePage(spec, targets, warmRuns, uncachedRuns);
    rows.push({ ...spec, results });
    const brief = (r: PageResult | undefined) =>
      r ? `${r.warm.failure ?? r.warm.ms} / ${r.uncached.failure ?? r.uncached.ms}` : "-";
    log(`  ${spec.persona}: ${spec.page}: small ${brief(results.small)}, large ${brief(results.large)}`);
  }
  const { p2Pages, worst, failedOnLarge } = pageFigures(rows);
  if (pagesOnly !== null) {
    for (const r of rows)
      log(`  ${r.persona}: ${r.page}: ${JSON.stringify(p2Pages[`${r.persona}: ${r.page}`] ?? null)}`);
    for (const t of targets) await stopServer(t.server);
    process.exit(0);
  }
  await stopServer(smallTarget.server);
  smallTarget.writer.close();

  if (largeTarget) {
    log("P3 mixed: 50 connections on the large database, reads only, then 1 request in 10 a write");
    const g = large!;
    const reads = [
      `/roles/${g.bigRoleId}/rollup`,
      `/roles/${g.bigRoleId}`,
      `/roles/${g.smallRoleId}/rollup`,
      "/",
      "/candidates",
    ];
    const cookie = largeTarget.cookies.admin;
    const crashesBefore = crashes.length;
    if (largeTarget.server.hasExited) largeTarget.server = await restartServer(largeTarget.server, dir, log);
    const load = (writeEvery: number, seconds: number) =>
      withRestarts(largeTarget, () =>
        mixedLoad(largeTarget.server, cookie, reads, g.writeInterviewIds, writeEvery, seconds),
      );
    await load(0, 5);
    const readsOnly = await load(0, 15);
    const mixed = await load(10, 15);
    figures.p3_server_crashes = crashes.length - crashesBefore;
    // Answers that did the work (a page, a saved draft's redirect) per second; refusals and errors do not count.
    const rate = (r: autocannon.Result) => Math.round(((r["2xx"] + r["3xx"]) / r.duration) * 10) / 10;
    figures.p3_reads_rps = rate(readsOnly);
    figures.p3_mixed_rps = rate(mixed);
    figures.p3_mixed_over_reads = ratio(rate(mixed), rate(readsOnly));
    figures.p3_reads_p50_p99_ms = `${readsOnly.latency.p50} / ${readsOnly.latency.p99}`;
    figures.p3_mixed_p50_p99_ms = `${mixed.latency.p50} / ${mixed.latency.p99}`;
    figures.p3_mixed_errors =
      mixed.errors + mixed.timeouts + mixed["5xx"] + readsOnly.errors + readsOnly.timeouts + readsOnly["5xx"];
    if (largeTarget.server.hasExited) largeTarget.server = await restartServer(largeTarget.server, dir, log);
    figures.p6_rss_mb_large = rssMb(largeTarget.server.pid);
    await stopServer(largeTarget.server);
    largeTarget.writer.close();
  }

  if (!largeTarget) figures.p3_mixed_over_reads = figures.p6_rss_mb_large = null;
  await existingFigures(small, smallCookies.admin, bigMedian, figures);

  figures.p2_pages = p2Pages;
  figures.p2_worst_page_over_small = worst?.ratio ?? null;
  figures.p2_worst_page = worst?.page ?? null;
  figures.p2_pages_failed_on_large = failedOnLarge.length;
  figures.server_crashes = crashes.length;
  figures.server_crash_log = crashes.map((c) => `${c.at} :${c.port} ${c.message}`);
  figures.bench_minutes = Math.round((Date.now() - started) / 6000) / 10;

  printPageTable(rows);
  const targetsText: Record<string, string> = {
    p1_page_over_floor: "<= 2.0",
    p2_big_db_over_small_db: "<= 1.3",
    p2_worst_page_over_small: "<= 1.3",
    p2_pages_failed_on_large: "0",
    p3_page_over_health: ">= 0.25",
    p3_mixed_over_reads: ">= 0.6",
    p4_full_over_normal: "<= 1.3",
    p5_errors: "0",
    p5_p99_over_p50: "<= 5",
    p6_rss_mb: "<= 250",
    p6_rss_mb_large: "<= 250",
    p6_scorecard_js_gzip_kb: "<= 200",
    server_crashes: "0",
  };
  console.log("\n| figure | value | target |\n|---|---|---|");
  for (const [k, v] of Object.entries(figures)) {
    if (k === "p2_pages" || k === "server_crash_log") continue;
    console.log(`| ${k} | ${v ?? "not measured (--quick)"} | ${targetsText[k] ?? ""} |`);
  }
  for (const c of crashes) console.log(`crash: ${c.at} :${c.port} ${c.message}`);
  if (jsonFile) writeFileSync(jsonFile, `${JSON.stringify(figures, null, 2)}\n`);
}

/** P1, P2 (the rollup alone), P3 (rollup and health route), P4, P5 and P6 on the small database, as before. */
async function existingFigures(
  small: Generated,
  cookie: string,
  bigMedian: number | null,
  figures: Record<string, unknown>,
) {
  const smallPath = resolve(dir, "small.db");
  const rollupPath = `/roles/${small.bigRoleId}/rollup`;
  let server = await startServer(dir, smallPath, SMALL_PORT, "FULL", log);
  const base = server.base;
  log("P1/P2: rollup latency");
  await cannon({ url: `${base}${rollupPath}`, connections: 1, amount: 20, headers: { Cookie: cookie } });
  const page = await cannon({ url: `${base}${rollupPath}`, connections: 1, amount: 100, headers: { Cookie: cookie } });
  const floor = await inProcessFloor(base, smallPath, rollupPath, cookie, 100);
  figures.rollup_median_ms = page.latency.p50;
  figures.rollup_in_process_median_ms = Math.round(floor * 100) / 100;
  figures.p1_page_over_floor = Math.round((page.latency.p50 / floor) * 100) / 100;
  figures.rollup_big_db_median_ms = bigMedian;
  figures.p2_big_db_over_small_db = ratio(bigMedian, page.latency.p50);

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
  figures.p3_page_over_health = ratio(pageRate.requests.average, healthRate.requests.average, 1000);
  // For reading P3: the smallest signed-in page (the account form: the layout and one short form), measured the
  // same way. What a whole page costs this stack before it shows any data is the ceiling on the rollup's ratio.
  const barePage = await cannon({ url: `${base}/account`, connections: 10, duration: 10, headers: { Cookie: cookie } });
  figures.bare_page_rps = barePage.requests.average;
  figures.bare_page_over_health = ratio(barePage.requests.average, healthRate.requests.average, 1000);
  figures.rollup_over_bare_page = ratio(pageRate.requests.average, barePage.requests.average, 1000);

  // Scorecard submissions, each to a different interview the bench admin sits on.
  let next = 0;
  const submit = (ids: number[]) => ({
    method: "POST" as const,
    setupRequest: (req: autocannon.Request) => ({
      ...req,
      path: `/interviews/${ids[next++ % ids.length]}/scorecard`,
      body: SUBMIT_BODY,
    }),
  });
  const writeHeaders = writeHeadersFor(base, cookie);
  log("P4: scorecard submit with synchronous FULL, then NORMAL");
  next = 0;
  const full = await cannon({
    url: base,
    connections: 1,
    amount: 300,
    headers: writeHeaders,
    requests: [submit(small.writeInterviewIds.slice(0, 300))],
  });
  figures.submit_full_median_ms = full.latency.p50;
  await stopServer(server);
  server = await startServer(dir, smallPath, SMALL_PORT, "NORMAL", log);
  next = 0;
  const normal = await cannon({
    url: base,
    connections: 1,
    amount: 300,
    headers: writeHeaders,
    requests: [submit(small.writeInterviewIds.slice(300, 600))],
  });
  figures.submit_normal_median_ms = normal.latency.p50;
  figures.p4_full_over_normal = ratio(full.latency.p50, normal.latency.p50);
  figures.submit_statuses = `${full["3xx"]}/${full["4xx"]}/${full["5xx"]} (3xx/4xx/5xx, FULL)`;
  await stopServer(server);

  log("P5: 50 connections, mixed reads and writes, 20 s");
  server = await startServer(dir, smallPath, SMALL_PORT, "FULL", log);
  const reads = [rollupPath, `/roles/${small.bigRoleId}`, `/roles/${small.smallRoleId}/rollup`, "/", "/candidates"];
  const mixedIds = small.writeInterviewIds.slice(600);
  // The server was just restarted: 5 s of the same load first, so the 20 s measured are not its JIT warm-up.
  await mixedLoad(server, cookie, reads, mixedIds, 5, 5);
  const mixed = await mixedLoad(server, cookie, reads, mixedIds, 5, 20);
  figures.mixed_requests = mixed.requests.total;
  figures.mixed_p50_ms = mixed.latency.p50;
  figures.mixed_p99_ms = mixed.latency.p99;
  figures.p5_errors = mixed.errors + mixed.timeouts + mixed["5xx"];
  figures.mixed_4xx = mixed["4xx"];
  figures.p5_p99_over_p50 = Math.round((mixed.latency.p99 / Math.max(1, mixed.latency.p50)) * 100) / 100;

  log("P6: memory and first-load JavaScript");
  if (server.hasExited) server = await restartServer(server, dir, log);
  figures.p6_rss_mb = rssMb(server.pid);
  figures.p6_scorecard_js_gzip_kb = await firstLoadJsGzipKb(
    base,
    `/interviews/${small.writeInterviewIds[small.writeInterviewIds.length - 1]}/scorecard`,
    cookie,
  );
  await stopServer(server);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
