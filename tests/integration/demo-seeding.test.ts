// When a database is created and when the demo company is seeded into it
// (docs/decisions/056-demo-seeding-only-into-a-new-database.md): a fresh clone gets the demo, a real
// install that lost its database neither becomes the demo nor starts empty.
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { backupDatabase, defaultBackupPath } from "~/utils/backup.server";
import { inspectDatabaseFile, planDatabaseSetup, type DatabaseFile } from "~/utils/database-setup.server";

// A folder of its own: the rule looks for a backups folder beside the database.
const root = resolve("tests/.tmp", `seeding-${process.pid}`);
rmSync(root, { recursive: true, force: true });
mkdirSync(root, { recursive: true });
afterAll(() => rmSync(root, { recursive: true, force: true }));

let n = 0;
/** A database path in a folder of its own (so backups beside one are not beside another). */
function freshPath(): string {
  const dir = join(root, `case-${++n}`);
  mkdirSync(dir);
  return join(dir, "app.db");
}

type Env = { SEED_DEMO?: string };
function run(script: string, args: string[], path: string, env: Env = {}) {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, DATABASE_PATH: path };
  delete childEnv.SEED_DEMO;
  Object.assign(childEnv, env);
  return spawnSync(process.execPath, ["--import", "tsx", script, ...args], { encoding: "utf8", env: childEnv });
}
/** What `npm start` does to the database before serving. */
const start = (path: string, env: Env = {}) => run("tests/support/prepare-db.ts", [], path, env);
const migrate = (path: string, env: Env = {}) => run("app/cli/migrate.ts", [], path, env);
const reset = (path: string, env: Env = {}) => run("app/cli/migrate.ts", ["--reset"], path, env);
const outcome = (r: ReturnType<typeof start>) => {
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout.trim().split("\n").pop()!) as { created: boolean; seeded: boolean; userCount: number };
};
const removeDatabase = (path: string) => {
  for (const suffix of ["", "-wal", "-shm"]) rmSync(path + suffix, { force: true });
};

describe("planDatabaseSetup", () => {
  const file = (over: Partial<DatabaseFile & { hasTables: boolean }>) => ({
    path: "/srv/.data/app.db",
    exists: false,
    backups: [],
    strayLog: false,
    hasTables: false,
    ...over,
  });
  const lost = { backups: ["/srv/.data/backups/app-20260101-000000.db"] };

  it("never seeds a database that holds tables, whatever the settings", () => {
    for (const seedDemo of [true, false]) {
      for (const create of [true, false]) {
        expect(planDatabaseSetup(file({ exists: true, hasTables: true }), { seedDemo, create })).toEqual({
          seedDemo: false,
        });
      }
    }
  });

  it("seeds a new database with the demo only when SEED_DEMO is true and no backups of it exist", () => {
    expect(planDatabaseSetup(file({}), { seedDemo: true })).toEqual({ seedDemo: true });
    expect(planDatabaseSetup(file({ exists: true }), { seedDemo: true })).toEqual({ seedDemo: true }); // a file without tables
    expect(() => planDatabaseSetup(file(lost), { seedDemo: true })).toThrow(
      /was lost, so the demo company is not seeded/,
    );
    expect(() => planDatabaseSetup(file(lost), { seedDemo: true, create: true })).toThrow(/restore the latest backup/);
    expect(planDatabaseSetup(file(lost), { seedDemo: false, create: true })).toEqual({ seedDemo: false });
  });

  it("with SEED_DEMO=false only db:migrate creates a database; reset re-creates on purpose", () => {
    expect(() => planDatabaseSetup(file({}), { seedDemo: false })).toThrow(/does not exist, and with SEED_DEMO=false/);
    expect(() => planDatabaseSetup(file({ exists: true }), { seedDemo: false })).toThrow(/holds no tables/);
    expect(planDatabaseSetup(file({}), { seedDemo: false, create: true })).toEqual({ seedDemo: false });
    expect(planDatabaseSetup(file(lost), { seedDemo: true, create: true, afterReset: true })).toEqual({
      seedDemo: true,
    });
    expect(planDatabaseSetup(file(lost), { seedDemo: false, create: true, afterReset: true })).toEqual({
      seedDemo: false,
    });
  });

  it("never opens a write-ahead log left without its database", () => {
    for (const options of [{ seedDemo: true }, { seedDemo: false, create: true }]) {
      expect(() => planDatabaseSetup(file({ strayLog: true }), options)).toThrow(/deleted without its write-ahead log/);
    }
  });

  it("finds this database's backups in the backups folder beside it", () => {
    const path = freshPath();
    expect(inspectDatabaseFile(path)).toMatchObject({ exists: false, backups: [], strayLog: false });
    const backups = join(path, "..", "backups");
    mkdirSync(backups);
    writeFileSync(join(backups, "other-20260101-000000.db"), "");
    writeFileSync(join(backups, "app-20260101-000000.db"), "");
    writeFileSync(`${path}-wal`, "");
    expect(inspectDatabaseFile(path)).toMatchObject({
      backups: [join(backups, "app-20260101-000000.db")],
      strayLog: true,
    });
  });
});

describe("starting on a missing database", () => {
  it("a fresh clone (SEED_DEMO unset) gets the demo once; later starts leave the database alone", () => {
    const path = freshPath();
    expect(outcome(start(path))).toEqual({ created: true, seeded: true, userCount: 7 });
    expect(outcome(start(path))).toEqual({ created: false, seeded: false, userCount: 7 });
  }, 60_000);

  it("with SEED_DEMO=false the server refuses and creates nothing; db:migrate creates it empty, never seeded after", () => {
    const path = freshPath();
    const refused = start(path, { SEED_DEMO: "false" });
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/does not exist, and with SEED_DEMO=false the server does not create one/);
    expect(refused.stderr).toMatch(/npm run db:migrate/);
    expect(readdirSync(join(path, ".."))).toEqual([]);

    const created = migrate(path, { SEED_DEMO: "false" });
    expect(created.status, created.stderr).toBe(0);
    expect(created.stdout).toMatch(/Created .*app\.db, empty/);
    expect(outcome(start(path, { SEED_DEMO: "false" }))).toEqual({ created: false, seeded: false, userCount: 0 });
    // A real install started once without SEED_DEMO=false: still no demo in its database.
    expect(outcome(start(path))).toEqual({ created: false, seeded: false, userCount: 0 });
  }, 60_000);

  it("a lost database next to its backups is neither seeded with the demo nor re-created, until restored", () => {
    const path = freshPath();
    expect(outcome(start(path)).seeded).toBe(true);
    const backup = backupDatabase({ from: path, to: defaultBackupPath(path) });
    removeDatabase(path);

    const refused = start(path); // SEED_DEMO left at its default, true
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/holds 1 backup\(s\) of it .*the database was lost/);
    expect(existsSync(path)).toBe(false);
    expect(migrate(path).status).toBe(1);
    expect(existsSync(path)).toBe(false);

    // Restore: the backup becomes the database.
    copyFileSync(backup.path, path);
    expect(outcome(start(path))).toEqual({ created: false, seeded: false, userCount: 7 });

    // Deleting on purpose re-creates it, with the demo when SEED_DEMO is true.
    const again = reset(path);
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/Deleted .*\n.*seeded demo data/);
  }, 60_000);

  it("a write-ahead log without its database stops the server before SQLite replays it", () => {
    const path = freshPath();
    writeFileSync(`${path}-wal`, "left behind");
    const refused = start(path);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/deleted without its write-ahead log/);
    expect(existsSync(path)).toBe(false);
  }, 60_000);
});
