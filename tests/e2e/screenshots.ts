// `npm run screenshots`: the pictures in the README, taken from the production server on a fresh demo
// database, at 1280 px wide. Viewport shots (not full pages) keep the committed PNGs small.
// Signs in the way tests/e2e/fixtures.ts does: a session row, and its cookie signed with the server's secret.
import { chromium, type Browser } from "@playwright/test";
import { createCookie } from "@remix-run/node";
import Database from "better-sqlite3";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, rmSync } from "node:fs";
import { resolve } from "node:path";

const PORT = Number(process.env.E2E_PORT ?? 3150);
const ORIGIN = `http://localhost:${PORT}`;
const DIR = "tests/.tmp/screenshots";
const DB = `${DIR}/app.db`;
const SECRET = "screenshots-secret-screenshots-secret-0123";
const OUT = "docs/screenshots";
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const VIEWPORT = { width: 1280, height: 900 };

function buildIfStale() {
  const result = spawnSync("npx", ["tsx", "app/cli/build-if-stale.ts"], { stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function startServer(): ChildProcess {
  rmSync(DIR, { recursive: true, force: true });
  mkdirSync(DIR, { recursive: true });
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    PORT: String(PORT),
    HOST: "localhost",
    DATABASE_PATH: DB,
    SESSION_SECRET: SECRET,
    SEED_DEMO: "true",
  };
  const stdio: ["ignore", "ignore", "inherit"] = ["ignore", "ignore", "inherit"];
  return spawn("node", ["--max-old-space-size=192", "build/cli/start.js"], { env, stdio });
}

async function waitForHealth(server: ChildProcess) {
  for (let attempt = 0; attempt < 240; attempt++) {
    if (server.exitCode !== null) throw new Error(`The server exited with code ${server.exitCode}`);
    try {
      if ((await fetch(`${ORIGIN}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((done) => setTimeout(done, 500));
  }
  throw new Error(`The server did not answer ${ORIGIN}/healthz`);
}

/** A session row for the user, and the cookie value the server would have set for it. */
async function sessionCookie(email: string): Promise<string> {
  const db = new Database(resolve(DB));
  try {
    db.pragma("busy_timeout = 5000");
    const user = db.prepare("select id from users where email = ?").get(email) as { id: number } | undefined;
    if (!user) throw new Error(`No demo user ${email}`);
    const sid = randomBytes(32).toString("base64url");
    const now = Date.now();
    db.prepare("insert into sessions (id, user_id, created_at, expires_at, user_agent) values (?, ?, ?, ?, ?)").run(
      sid,
      user.id,
      now,
      now + 12 * 3_600_000,
      "screenshots",
    );
    const cookie = createCookie("hiring_session", { secrets: [SECRET], httpOnly: true, sameSite: "lax", path: "/" });
    const header = await cookie.serialize({ sid, seen: now });
    return header.split(";")[0].slice("hiring_session=".length);
  } finally {
    db.close();
  }
}

/** What to photograph, read from the seeded demo: the Support Copilot role, its most-scored candidates, a draft. */
function targets() {
  const db = new Database(resolve(DB), { readonly: true });
  try {
    const role = db.prepare("select id from roles where title like '%Support Copilot%'").get() as { id: number };
    const compared = db
      .prepare(
        `select a.id from applications a
         join interviews i on i.application_id = a.id
         join scorecards s on s.interview_id = i.id and s.status = 'submitted'
         where a.role_id = ? and a.candidate_id is not null
         group by a.id order by count(s.id) desc, a.id limit 3`,
      )
      .all(role.id) as { id: number }[];
    const draft = db
      .prepare(
        `select s.interview_id as id from scorecards s join users u on u.id = s.interviewer_id
         where u.email = 'sam@northwind.test' and s.status = 'draft' order by s.id limit 1`,
      )
      .get() as { id: number };
    return { roleId: role.id, applicationIds: compared.map((a) => a.id), interviewId: draft.id };
  } finally {
    db.close();
  }
}

/** A viewport shot of the page, scrolled so that `from` (a selector) sits near the top when given. */
async function shoot(browser: Browser, email: string, path: string, file: string, from?: string) {
  const context = await browser.newContext({ viewport: VIEWPORT, reducedMotion: "reduce" });
  try {
    const value = await sessionCookie(email);
    const cookie = { name: "hiring_session", value, domain: "localhost", path: "/", httpOnly: true };
    await context.addCookies([{ ...cookie, sameSite: "Lax" }]);
    const page = await context.newPage();
    const response = await page.goto(`${ORIGIN}${path}`, { waitUntil: "networkidle" });
    if (!response?.ok()) throw new Error(`${path} as ${email} answered ${response?.status()}`);
    if (from) {
      const top = await page
        .locator(from)
        .first()
        .evaluate((el) => el.getBoundingClientRect().top + window.scrollY);
      await page.evaluate((y) => window.scrollTo(0, y - 16), top);
    }
    await page.screenshot({ path: `${OUT}/${file}` });
    console.log(`${OUT}/${file}  (${email}, ${path})`);
  } finally {
    await context.close();
  }
}

async function main() {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}; set CHROMIUM_PATH`);
  buildIfStale();
  const server = startServer();
  let browser: Browser | undefined;
  try {
    await waitForHealth(server);
    const { roleId, applicationIds, interviewId } = targets();
    mkdirSync(OUT, { recursive: true });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox", "--disable-gpu"] });
    const ids = applicationIds.map((id) => `ids=${id}`).join("&");
    await shoot(browser, "dana@northwind.test", `/roles/${roleId}/rollup`, "rollup.png");
    await shoot(browser, "dana@northwind.test", `/roles/${roleId}/rollup`, "rollup-candidates.png", "form.filters");
    await shoot(browser, "dana@northwind.test", `/roles/${roleId}/compare?${ids}`, "comparison.png");
    await shoot(browser, "sam@northwind.test", `/interviews/${interviewId}/scorecard`, "scorecard.png");
  } finally {
    await browser?.close();
    server.kill("SIGTERM");
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
