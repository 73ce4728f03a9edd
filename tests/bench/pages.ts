// P2 by page: every kind of page an admin, a recruiter, a hiring manager and an interviewer opens, timed
// warm (the same request again) and uncached (another connection writes to the database just before, so
// every figure cached under the database's version is recomputed), on the small and the large database.
// Requests alternate between the two databases' servers, so a change in the machine's speed during the run
// falls on both. Each request is bounded (30 s); a page that takes a server down is marked crashed, the
// server is started again and the run goes on.
import Database from "better-sqlite3";
import type { Generated } from "./generate";
import { restartServer, type Server } from "./server";

export type Persona = "admin" | "recruiter" | "hiring manager" | "interviewer";
export type PageSpec = { persona: Persona; page: string; path: string };
export type Outcome = { ms: number | null; failure: string | null; runs?: number };
export type PageResult = {
  warm: Outcome;
  uncached: Outcome;
};

export const REQUEST_TIMEOUT_MS = 30_000;
/** Time one page may take on one database in one mode before its runs stop (after at least one). */
export const PAGE_BUDGET_MS = 8_000;

/** The pages, by who opens them. Paths are built from each database's own ids (the same in both, by design). */
export function pageList(g: Generated): PageSpec[] {
  const role = `/roles/${g.bigRoleId}`;
  const admin: [string, string][] = [
    ["home", "/"],
    ["roles", "/roles"],
    ["big role's board", role],
    ["big role's rollup", `${role}/rollup`],
    ["big role's comparison", `${role}/compare`],
    ["big role's comparison CSV", `${role}/compare.csv`],
    ["candidates", "/candidates"],
    ["candidates, search a last name", "/candidates?q=Smith"],
    ["candidates, search Ñúñez", `/candidates?q=${encodeURIComponent("Ñúñez")}`],
    ["candidates, search Петров", `/candidates?q=${encodeURIComponent("Петров")}`],
    ["candidates, search no match", "/candidates?q=Zzyzx"],
    ["application", `/applications/${g.applicationId}`],
    ["candidate", `/candidates/${g.candidateId}`],
    ["HR board", "/compliance"],
    ["HR board, NDA requested", "/compliance?check=nda&status=requested"],
    ["calibration", "/calibration"],
    ["agencies", "/agencies"],
    ["interviews", "/interviews"],
    ["users", "/admin/users"],
  ];
  const recruiter: [string, string][] = [
    ["home", "/"],
    ["roles", "/roles"],
    ["candidates", "/candidates"],
    ["candidates, search Øster", `/candidates?q=${encodeURIComponent("Øster")}`],
    ["HR board", "/compliance"],
    ["calibration", "/calibration"],
    ["interviews", "/interviews"],
  ];
  const hiringManager: [string, string][] = [
    ["home", "/"],
    ["roles", "/roles"],
    ["big role's board", role],
    ["big role's rollup", `${role}/rollup`],
    ["candidates", "/candidates"],
    ["candidates, search Müller", `/candidates?q=${encodeURIComponent("Müller")}`],
    ["application", `/applications/${g.applicationId}`],
    ["HR board", "/compliance"],
    ["calibration", "/calibration"],
    ["agencies", "/agencies"],
    ["interviews", "/interviews"],
  ];
  const interviewer: [string, string][] = [
    ["home", "/"],
    ["roles", "/roles"],
    ["big role's board", role],
    ["application", `/applications/${g.applicationId}`],
    ["candidate", `/candidates/${g.candidateId}`],
    ["interviews", "/interviews"],
  ];
  const of = (persona: Persona, list: [string, string][]) => list.map(([page, path]) => ({ persona, page, path }));
  return [
    ...of("admin", admin),
    ...of("recruiter", recruiter),
    ...of("hiring manager", hiringManager),
    ...of("interviewer", interviewer),
  ];
}

/** One database under test: its server (replaced after a crash), its ids, its sign-ins, a writer. */
export type Target = {
  name: "small" | "large";
  server: Server;
  generated: Generated;
  cookies: Record<Persona, string>;
  writer: Database.Database;
  dir: string;
  note: (m: string) => void;
};

/**
 * A write from another connection that every cached figure depends on: a user row (the database-wide version) and
 * the counter standing for every role (role_id 0 in role_versions, which each role's cached figures also follow).
 */
export function touchDatabase(t: Target) {
  t.writer.transaction(() => {
    t.writer
      .prepare("update users set updated_at = updated_at + 1, version = version + 1 where id = ?")
      .run(t.generated.spareUserId);
    t.writer
      .prepare(
        "insert into role_versions (role_id, version) values (0, 1) on conflict(role_id) do update set version = version + 1",
      )
      .run();
  })();
}

async function timedGet(t: Target, path: string, cookie: string): Promise<Outcome> {
  const started = performance.now();
  try {
    const res = await fetch(`${t.server.base}${path}`, {
      headers: { Cookie: cookie },
      redirect: "manual",
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    await res.arrayBuffer();
    const ms = performance.now() - started;
    return res.status === 200 ? { ms, failure: null } : { ms: null, failure: `HTTP ${res.status}` };
  } catch (error) {
    // Give an exit a moment to be seen: a crash first shows as a reset connection.
    await Promise.race([t.server.exited, new Promise((r) => setTimeout(r, 2000))]);
    if (t.server.hasExited) return { ms: null, failure: "crashed" };
    const name = (error as Error).name;
    if (name === "TimeoutError" || name === "AbortError")
      return { ms: null, failure: `over ${REQUEST_TIMEOUT_MS / 1000} s` };
    return { ms: null, failure: `error: ${(error as Error).message}` };
  }
}

/** After a failure: a crashed server is started again; one still busy past the time bound too. */
async function recover(t: Target, failure: string) {
  if (failure === "crashed" || failure.startsWith("over")) {
    t.note(`${t.name}: ${failure}; starting its server again`);
    t.server = await restartServer(t.server, t.dir, t.note);
  }
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const round = (ms: number) => Math.round(ms * 10) / 10;

/**
 * Times one page on every target: a first request (warms the JIT and the caches), then `warmRuns` warm
 * requests and `uncachedRuns` requests each after a write, alternating between the targets. A target whose
 * server fails on the page is left out of the rest of that page's runs.
 */
export async function measurePage(
  spec: PageSpec,
  targets: Target[],
  warmRuns: number,
  uncachedRuns: number,
): Promise<Record<string, PageResult>> {
  const failed: Record<string, string> = {};
  const failedIn: Record<string, "first" | "warm" | "uncached"> = {};
  const samples: Record<string, { warm: number[]; uncached: number[] }> = {};
  for (const t of targets) samples[t.name] = { warm: [], uncached: [] };
  const once = async (t: Target, mode: "first" | "warm" | "uncached") => {
    if (failed[t.name]) return;
    if (mode === "uncached") touchDatabase(t);
    const outcome = await timedGet(t, spec.path, t.cookies[spec.persona]);
    if (outcome.failure) {
      failed[t.name] = outcome.failure;
      failedIn[t.name] = mode;
      await recover(t, outcome.failure);
    } else if (mode !== "first") samples[t.name][mode].push(outcome.ms!);
  };
  const spent: Record<string, number> = {};
  const timed = async (t: Target, mode: "first" | "warm" | "uncached") => {
    const key = `${t.name}:${mode}`;
    // A slow page gets fewer runs: once a target has spent its budget on a mode, one sample is enough.
    if (mode !== "first" && samples[t.name][mode].length > 0 && (spent[key] ?? 0) > PAGE_BUDGET_MS) return;
    const started = performance.now();
    await once(t, mode);
    spent[key] = (spent[key] ?? 0) + performance.now() - started;
  };
  for (const t of targets) await timed(t, "first");
  for (let i = 0; i < warmRuns; i++) for (const t of i % 2 ? [...targets].reverse() : targets) await timed(t, "warm");
  for (let i = 0; i < uncachedRuns; i++)
    for (const t of i % 2 ? [...targets].reverse() : targets) await timed(t, "uncached");
  const results: Record<string, PageResult> = {};
  for (const t of targets) {
    const f = failed[t.name] ?? null;
    const s = samples[t.name];
    // A failure on the uncached runs leaves the warm figure standing.
    const warmFailed = f !== null && failedIn[t.name] !== "uncached";
    results[t.name] = {
      warm: warmFailed ? { ms: null, failure: f } : { ms: round(median(s.warm)), failure: null, runs: s.warm.length },
      uncached: f
        ? { ms: null, failure: f }
        : { ms: round(median(s.uncached)), failure: null, runs: s.uncached.length },
    };
  }
  return results;
}
