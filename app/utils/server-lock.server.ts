// Which servers are using a database file, so that `npm run db:reset` can
// refuse to delete the database under a running server.
//
// A serving process writes `<database>.server-<pid>.pid` (JSON: pid and the
// time of the claim) and removes it when it exits. One file per process, since
// SQLite lets several servers share a file and one stopping must not unprotect
// the others. A server that crashed (or was killed with SIGKILL) leaves its
// file behind; such a claim is stale when its process is gone, or when the
// process now holding that pid started after the claim was written (pid reuse,
// checked where /proc tells start times). Stale files are removed when found.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";

export type ServerClaim = { pid: number; claimedAt: number; file: string };

const suffix = ".server-";

/** The claim file of one process for a database. */
export function serverLockFile(databasePath: string, pid = process.pid): string {
  return `${resolve(databasePath)}${suffix}${pid}.pid`;
}

/**
 * Mark this process as serving `databasePath` until it exits. The file goes on
 * a normal exit, an uncaught error, and SIGINT/SIGTERM/SIGHUP (the signal is
 * raised again after, unless other code listens for it and owns the shutdown).
 */
export function claimServerLock(databasePath: string): ServerClaim {
  const file = serverLockFile(databasePath);
  mkdirSync(dirname(file), { recursive: true });
  const claim: ServerClaim = { pid: process.pid, claimedAt: Date.now(), file };
  writeFileSync(file, `${JSON.stringify({ pid: claim.pid, claimedAt: claim.claimedAt })}\n`);
  const release = () => rmSync(file, { force: true });
  process.once("exit", release);
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.once(signal, () => {
      release();
      if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
    });
  }
  return claim;
}

/** Every claim file for a database, live or not. */
function claims(databasePath: string): ServerClaim[] {
  const path = resolve(databasePath);
  const dir = dirname(path);
  if (!existsSync(dir)) return [];
  const prefix = `${basename(path)}${suffix}`;
  const found: ServerClaim[] = [];
  for (const name of readdirSync(dir)) {
    if (!name.startsWith(prefix) || !name.endsWith(".pid")) continue;
    const file = join(dir, name);
    try {
      const { pid, claimedAt } = JSON.parse(readFileSync(file, "utf8")) as { pid: unknown; claimedAt: unknown };
      if (Number.isInteger(pid) && typeof claimedAt === "number") found.push({ pid: pid as number, claimedAt, file });
      else found.push({ pid: Number(name.slice(prefix.length, -4)), claimedAt: 0, file });
    } catch {
      // Half-written or unreadable: judge it by the pid in its name.
      found.push({ pid: Number(name.slice(prefix.length, -4)), claimedAt: 0, file });
    }
  }
  return found;
}

/** When a process started (ms since the epoch), where Linux's /proc says; null elsewhere. */
function processStartedAt(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the command name (which may hold spaces and parentheses): state is field 3, starttime field 22.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const ticks = Number(fields[22 - 3]);
    const bootLine = readFileSync("/proc/stat", "utf8")
      .split("\n")
      .find((l) => l.startsWith("btime "));
    if (!bootLine || !Number.isFinite(ticks)) return null;
    const clockTicksPerSecond = 100; // USER_HZ, fixed at 100 in Linux's user-space ABI
    return (Number(bootLine.slice(6)) + ticks / clockTicksPerSecond) * 1000;
  } catch {
    return null;
  }
}

/** Is the process that wrote this claim still running? */
export function claimIsLive(claim: ServerClaim): boolean {
  if (!Number.isInteger(claim.pid) || claim.pid <= 0) return false;
  try {
    process.kill(claim.pid, 0);
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    if ((error as NodeJS.ErrnoException).code !== "EPERM") return false;
  }
  const startedAt = processStartedAt(claim.pid);
  // A process that started after the claim was written cannot have written it (5 s for clock granularity).
  if (startedAt !== null && claim.claimedAt > 0 && startedAt > claim.claimedAt + 5000) return false;
  return true;
}

/** A running server using this database, or null. Claims left by processes that are gone are deleted. */
export function serverHoldingDatabase(databasePath: string): ServerClaim | null {
  let holder: ServerClaim | null = null;
  for (const claim of claims(databasePath)) {
    if (claimIsLive(claim)) holder ??= claim;
    else rmSync(claim.file, { force: true });
  }
  return holder;
}
