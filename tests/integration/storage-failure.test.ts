// A write is acknowledged only once it is committed. The database of this file
// sits on a small filesystem of its own (tmpfs, mounted when the tests run as
// root on Linux, as CI does), which the test fills: SQLite then fails at
// commit, where a full disk really shows. Elsewhere the test falls back to
// `PRAGMA max_page_count`, a real SQLITE_FULL raised earlier, while inserting.
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const dir = mkdtempSync(join(tmpdir(), "ats-storage-"));
let mounted = false;
try {
  execFileSync("mount", ["-t", "tmpfs", "-o", "size=24m", "tmpfs", dir], { stdio: "ignore" });
  mounted = true;
} catch {
  console.warn("Could not mount a small filesystem (not root?): simulating a full disk with PRAGMA max_page_count.");
}
const file = join(dir, "app.db");
copyFileSync(process.env.DATABASE_PATH!, file);
// Before anything reads the configuration: this file's database lives on the small filesystem.
process.env.DATABASE_PATH = file;
process.env.HEALTH_MIN_FREE_MB = "1";

const { getDb, checkDatabaseHealth, countRows, schema } = await import("~/utils/db.server");
const { guardAction, STORAGE_REFUSAL } = await import("~/utils/action-guard.server");
const { cookieFor, invoke, post, get, totalChanges } = await import("../support/http");
const newCandidate = await import("~/routes/candidates.new");
const users = await import("~/routes/admin.users._index");
const healthz = await import("~/routes/healthz");

const filler = join(dir, "filler");

/** Leaves the filesystem with no free space (or the database with no free page). */
function fillTheDisk() {
  if (!mounted) {
    const pages = getDb().$client.pragma("page_count", { simple: true }) as number;
    getDb().$client.pragma(`max_page_count = ${pages}`);
    return;
  }
  try {
    for (let i = 0; ; i++) writeFileSync(filler, Buffer.alloc(64 * 1024), { flag: "a" });
  } catch (error) {
    expect((error as NodeJS.ErrnoException).code).toBe("ENOSPC");
  }
}

function freeTheDisk() {
  if (mounted) rmSync(filler, { force: true });
  else getDb().$client.pragma("max_page_count = 1073741823");
}

let recruiter: string;
let admin: string;
beforeAll(async () => {
  recruiter = await cookieFor("priya@northwind.test");
  admin = await cookieFor("morgan@northwind.test");
});

afterAll(() => {
  getDb().$client.close();
  if (mounted) execFileSync("umount", [dir]);
  rmSync(dir, { recursive: true, force: true });
});

const candidateFields = (name: string, email: string) => ({
  name,
  email,
  engagementType: "full_time",
  payKind: "",
  payAmount: "",
  payCurrency: "USD",
  source: "referral",
});

describe("with the disk full", () => {
  it("does not acknowledge a new candidate: 503 with what was typed, and nothing saved", async () => {
    const before = countRows(schema.candidates);
    fillTheDisk();
    const outcome = await invoke(
      guardAction(newCandidate.action as never) as never,
      post("/candidates/new", candidateFields("Disk Full Person", "disk.full@example.test"), { cookie: recruiter }),
    );
    freeTheDisk();
    expect(outcome.status).toBe(503);
    expect(outcome.location).toBeNull();
    expect(outcome.headers.get("Retry-After")).toBe("60");
    const data = outcome.data as { formError: string; values: Record<string, string> };
    expect(data.formError).toBe(STORAGE_REFUSAL);
    expect(data.values.name).toBe("Disk Full Person");
    expect(countRows(schema.candidates)).toBe(before);

    // Once there is room again the same form saves, under an id nobody was told about.
    const saved = await invoke(
      guardAction(newCandidate.action as never) as never,
      post("/candidates/new", candidateFields("Disk Full Person", "disk.full@example.test"), { cookie: recruiter }),
    );
    expect(saved.status).toBe(302);
    expect(countRows(schema.candidates)).toBe(before + 1);
  });

  it("does not acknowledge a new user account", async () => {
    const before = countRows(schema.users);
    fillTheDisk();
    const outcome = await invoke(
      guardAction(users.action as never) as never,
      post(
        "/admin/users",
        {
          email: "full.disk@northwind.test",
          name: "Full Disk",
          kind: "interviewer",
          password: "a long enough passphrase 42",
        },
        { cookie: admin },
      ),
    );
    freeTheDisk();
    expect(outcome.status).toBe(503);
    expect((outcome.data as { values: Record<string, string> }).values.password).toBeUndefined();
    expect(countRows(schema.users)).toBe(before);
  });

  it.runIf(mounted)("makes /healthz answer 503, and 200 once there is room", async () => {
    expect(checkDatabaseHealth()).toEqual({ ok: true });
    fillTheDisk();
    const changes = totalChanges();
    const down = await invoke(healthz.loader as never, get("/healthz"));
    freeTheDisk();
    expect(down.status).toBe(503);
    expect(String(down.data)).toMatch(/^unavailable: only \d+\.\d MB free/);
    expect(totalChanges()).toBe(changes);
    const up = await invoke(healthz.loader as never, get("/healthz"));
    expect(up.status).toBe(200);
    expect(up.headers.get("Cache-Control")).toBe("no-store");
  });
});

describe("/healthz", () => {
  it("answers 503 when the database cannot take the write lock", async () => {
    const other = new (await import("better-sqlite3")).default(file);
    other.pragma("busy_timeout = 0");
    other.prepare("begin immediate").run();
    getDb().$client.pragma("busy_timeout = 0");
    try {
      const outcome = await invoke(healthz.loader as never, get("/healthz"));
      expect(outcome.status).toBe(503);
      expect(String(outcome.data)).toContain("cannot take a write (SQLITE_BUSY)");
    } finally {
      other.prepare("rollback").run();
      other.close();
      getDb().$client.pragma("busy_timeout = 5000");
    }
    expect((await invoke(healthz.loader as never, get("/healthz"))).status).toBe(200);
  });
});
