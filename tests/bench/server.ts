// The production server as the benchmark runs it: started with `npm start` (the production Node flags,
// the heap limit among them), watched for exits the bench did not ask for (counted as crashes: a page that
// takes the server down is recorded and the server started again), and stopped by its process id.
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import { resolve } from "node:path";

export const SECRET = "bench-secret-bench-secret-bench-secret-0123";
export const HOST = "127.0.0.1";

export type Server = {
  port: number;
  base: string;
  dbPath: string;
  synchronous: "FULL" | "NORMAL";
  proc: ChildProcess;
  /** The serving Node process (npm start's child), whose memory P6 reads. */
  pid: number;
  exited: Promise<void>;
  hasExited: boolean;
  stopping: boolean;
};

/** Exits of a server process that the bench did not ask for, over the whole run. */
export const crashes: { port: number; dbPath: string; message: string; at: string }[] = [];

export async function startServer(
  dir: string,
  dbPath: string,
  port: number,
  synchronous: "FULL" | "NORMAL",
  note: (m: string) => void,
): Promise<Server> {
  const pidFile = resolve(dir, `server-${port}.pid`);
  rmSync(pidFile, { force: true });
  const proc = spawn("npm", ["start", "--silent"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      HOST,
      DATABASE_PATH: dbPath,
      SESSION_SECRET: SECRET,
      SEED_DEMO: "false",
      SQLITE_SYNCHRONOUS: synchronous,
      PID_FILE: pidFile,
    },
    stdio: ["ignore", "ignore", "pipe"],
  });
  // The server's own errors go through, a few lines at most; an out-of-memory crash prints a long trace.
  let tail = "";
  let printed = 0;
  proc.stderr!.setEncoding("utf8");
  proc.stderr!.on("data", (chunk: string) => {
    tail = (tail + chunk).slice(-4000);
    for (const line of chunk.split("\n")) {
      if (server.stopping && line.trim() === "Terminated") continue;
      if (line.trim() && printed++ < 20) console.error(`[server :${port}] ${line.slice(0, 200)}`);
    }
  });
  const base = `http://${HOST}:${port}`;
  const server: Server = {
    port,
    base,
    dbPath,
    synchronous,
    proc,
    pid: 0,
    hasExited: false,
    stopping: false,
    exited: new Promise((done) =>
      proc.once("exit", (code, signal) => {
        server.hasExited = true;
        if (!server.stopping) {
          const fatal = tail.split("\n").find((l) => /FATAL|heap out of memory|Error/.test(l)) ?? "";
          const message = `exit ${code ?? signal}${fatal ? `: ${fatal.trim().slice(0, 160)}` : ""}`;
          crashes.push({ port, dbPath, message, at: new Date().toISOString() });
          note(`the server on :${port} exited (${message})`);
        }
        done();
      }),
    ),
  };
  for (let i = 0; i < 600; i++) {
    if (server.hasExited) throw new Error(`The server on :${port} exited while starting`);
    try {
      if ((await fetch(`${base}/healthz`)).ok) {
        server.pid = Number(readFileSync(pidFile, "utf8"));
        return server;
      }
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  await stopServer(server);
  throw new Error(`The server on :${port} did not start within 120 seconds`);
}

export async function stopServer(server: Server): Promise<void> {
  if (server.hasExited) return;
  server.stopping = true;
  try {
    if (server.pid) process.kill(server.pid, "SIGTERM");
    else server.proc.kill("SIGTERM");
  } catch {
    /* already gone */
  }
  const timer = setTimeout(() => {
    try {
      if (server.pid) process.kill(server.pid, "SIGKILL");
      server.proc.kill("SIGKILL");
    } catch {
      /* already gone */
    }
  }, 10_000);
  await server.exited;
  clearTimeout(timer);
}

/** The same server again, on the same database and port (after a crash, or a page that would not finish). */
export async function restartServer(server: Server, dir: string, note: (m: string) => void): Promise<Server> {
  await stopServer(server);
  return startServer(dir, server.dbPath, server.port, server.synchronous, note);
}

export function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Math.round(Number(status.match(/VmRSS:\s+(\d+)/)![1]) / 1024);
}
