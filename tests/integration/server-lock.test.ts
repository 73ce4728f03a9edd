// `npm run db:reset` refuses while a server uses the database, and only then:
// a claim left by a process that is gone (a crash, SIGKILL) does not block it.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, resolve } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { getDb } from "~/utils/db.server";
import { claimIsLive, serverHoldingDatabase, serverLockFile } from "~/utils/server-lock.server";
import { backupDatabase } from "~/utils/backup.server";

const children: ChildProcess[] = [];
const cleanup: string[] = [];

afterEach(() => {
  for (const child of children.splice(0)) child.kill("SIGKILL");
  for (const path of cleanup.splice(0)) {
    for (const suffix of ["", "-wal", "-shm"]) rmSync(path + suffix, { force: true });
    const dir = dirname(path);
    for (const name of readdirSync(dir)) if (name.startsWith(`${basename(path)}.server-`)) rmSync(resolve(dir, name));
  }
});

/** A database of our own (a copy of the test's), so resetting it harms nobody. */
function database(name: string): string {
  const path = resolve("tests/.tmp", `lock-${process.pid}-${name}.db`);
  cleanup.push(path);
  backupDatabase({ from: getDb().$client.name, to: path });
  return path;
}

function holdLock(path: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "tests/support/lock-holder.ts", path], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  children.push(child);
  return new Promise((claimed, reject) => {
    child.once("error", reject);
    child.stdout!.once("data", () => claimed(child));
  });
}

function ended(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  return new Promise((done) => {
    child.once("exit", () => done());
    child.kill(signal);
  });
}

/** A pid no process has: one that just exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" });
  return Number(child.stdout);
}

const reset = (path: string) =>
  spawnSync(process.execPath, ["--import", "tsx", "app/cli/migrate.ts", "--reset"], {
    encoding: "utf8",
    env: { ...process.env, DATABASE_PATH: path, SEED_DEMO: "false" },
  });

// Each test starts processes (tsx takes about a second each): generous under a parallel suite.
describe("server lock", { timeout: 60_000 }, () => {
  it("db:reset refuses while a server holds the database, and the claim goes when the server stops", async () => {
    const path = database("live");
    const server = await holdLock(path);
    expect(existsSync(serverLockFile(path, server.pid!))).toBe(true);
    expect(serverHoldingDatabase(path)?.pid).toBe(server.pid);

    const refused = reset(path);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(new RegExp(`A server \\(process ${server.pid}\\) is using`));
    expect(existsSync(path)).toBe(true);

    await ended(server, "SIGTERM");
    expect(existsSync(serverLockFile(path, server.pid!))).toBe(false);
    expect(serverHoldingDatabase(path)).toBeNull();
    const allowed = reset(path);
    expect(allowed.status, allowed.stderr).toBe(0);
    expect(allowed.stdout).toMatch(/Deleted/);
  });

  it("a server killed outright leaves a stale claim that does not block reset", async () => {
    const path = database("crashed");
    const server = await holdLock(path);
    await ended(server, "SIGKILL");
    const file = serverLockFile(path, server.pid!);
    expect(existsSync(file)).toBe(true); // nothing ran on SIGKILL
    expect(serverHoldingDatabase(path)).toBeNull();
    expect(existsSync(file)).toBe(false); // tidied away
    expect(reset(path).status).toBe(0);
  });

  it("judges written claims by their process: live, gone, or a pid since reused", () => {
    const path = database("claims");
    const now = Date.now();
    expect(claimIsLive({ pid: process.pid, claimedAt: now, file: "" })).toBe(true);
    expect(claimIsLive({ pid: deadPid(), claimedAt: now, file: "" })).toBe(false);
    if (process.platform === "linux") {
      // This process started before the test; a claim written an hour before it started is not its own.
      expect(claimIsLive({ pid: process.pid, claimedAt: now - 3_600_000 - process.uptime() * 1000, file: "" })).toBe(
        false,
      );
    }

    const live = serverLockFile(path, process.pid);
    writeFileSync(live, JSON.stringify({ pid: process.pid, claimedAt: now }));
    const gone = deadPid();
    writeFileSync(serverLockFile(path, gone), JSON.stringify({ pid: gone, claimedAt: now }));
    expect(serverHoldingDatabase(path)?.pid).toBe(process.pid);
    expect(existsSync(serverLockFile(path, gone))).toBe(false);
    expect(reset(path).status).toBe(1);
    rmSync(live);
    expect(reset(path).status).toBe(0);
  });
});
