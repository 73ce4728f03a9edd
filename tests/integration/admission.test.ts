// The admission line on real sockets: clients that hang up at any moment
// (before their turn, while a file lookup runs ahead of the line, while their
// page is being made) must not keep a place, or the server stops answering.
import express from "express";
import { mkdtempSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { spawn } from "node:child_process";
import { Agent, request as httpRequest } from "node:http";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { admitInOrder } from "~/cli/http-server";

let close: (() => Promise<void>) | null = null;
afterEach(async () => {
  await close?.();
  close = null;
});

async function serve(concurrency: number, maxWaiting: number) {
  const app = express();
  const order: string[] = [];
  // Requests that reached the line (the next middleware takes them in the same turn).
  const arrived: string[] = [];
  // A static lookup ahead of the line, as in the real server: it is asynchronous, so a client can leave during it.
  app.use(express.static(mkdtempSync(join(tmpdir(), "admission-"))));
  app.use((req, _res, next) => {
    arrived.push(req.path.split("/").pop()!);
    next();
  });
  app.use(admitInOrder({ concurrency, maxWaiting }));
  // Answered only when the test releases them, so which request is running is not left to timing.
  const held: express.Response[] = [];
  const release = () => held.splice(0).forEach((res) => res.type("text/plain").send("released"));
  app.get("/hold/:name", (req, res) => {
    order.push(req.params.name);
    held.push(res);
  });
  app.get("/work/:name", (req, res) => {
    order.push(req.params.name);
    setTimeout(() => res.type("text/plain").send(`done ${req.params.name}`), 30);
  });
  const server = app.listen(0, "127.0.0.1");
  await new Promise((r) => server.once("listening", r));
  const { port } = server.address() as AddressInfo;
  close = () =>
    new Promise((r) => {
      server.closeAllConnections();
      server.close(() => r());
    });
  return { base: `http://127.0.0.1:${port}`, port, order, arrived, release };
}

/** Wait, a few milliseconds at a time, until `ready` holds: ordering by what the server saw, not by sleeps. */
async function until(ready: () => boolean) {
  const deadline = Date.now() + 5_000;
  while (!ready()) {
    if (Date.now() > deadline) throw new Error("timed out waiting for the server");
    await new Promise((r) => setTimeout(r, 2));
  }
}

/** Send a request on a raw socket and hang up after `afterMs` (0: at once). */
function hangUp(port: number, path: string, afterMs: number) {
  return new Promise<void>((resolve) => {
    const socket = connect(port, "127.0.0.1", () => {
      socket.write(`GET ${path} HTTP/1.1\r\nHost: x\r\nConnection: keep-alive\r\n\r\n`);
      setTimeout(() => {
        socket.resetAndDestroy();
        resolve();
      }, afterMs);
    });
  });
}

describe("admission in arrival order, on real sockets", () => {
  it("keeps answering after many clients hang up before, during and after their turn", async () => {
    const { base, port } = await serve(1, 100);
    const leavers: Promise<void>[] = [];
    for (let i = 0; i < 30; i++) leavers.push(hangUp(port, `/work/leaver${i}`, i % 3 === 0 ? 0 : i % 3 === 1 ? 5 : 45));
    await Promise.all(leavers);
    const res = await fetch(`${base}/work/last`, { signal: AbortSignal.timeout(5_000) });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe("done last");
  });

  it("serves waiting requests in the order they arrived", async () => {
    const { base, order } = await serve(1, 100);
    const names = ["a", "b", "c", "d", "e"];
    const answers: string[] = [];
    const requests = names.map(async (name, i) => {
      await new Promise((r) => setTimeout(r, i * 5));
      answers.push(await (await fetch(`${base}/work/${name}`)).text());
    });
    await Promise.all(requests);
    expect(order).toEqual(names);
    expect(answers).toEqual(names.map((n) => `done ${n}`));
  });

  it("lets a client that connects while the server is busy take its place in line, not wait until every busy client is served", async () => {
    // The server in a process of its own, as in production: here the clients' own work would share its event loop.
    const child = spawn(process.execPath, ["--import", "tsx", "tests/support/busy-server.ts"], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    try {
      const port = Number(
        await new Promise<string>((resolve) => child.stdout!.once("data", (d: Buffer) => resolve(d.toString().trim()))),
      );
      const clients = 24;
      const agent = new Agent({ keepAlive: true, maxSockets: clients });
      /** Ask for a page; the answer is how many requests the server had started by this one. */
      const get = (path: string, via: Agent) =>
        new Promise<number>((resolve, reject) => {
          httpRequest({ host: "127.0.0.1", port, path, agent: via }, (res) => {
            let body = "";
            res.on("data", (chunk: Buffer) => (body += chunk)).on("end", () => resolve(Number(body)));
          })
            .on("error", reject)
            .end();
        });
      // Busy clients on kept-alive connections, each sending its next request as soon as it has an answer.
      let stop = false;
      let latest = 0;
      const busy = Array.from({ length: clients }, async (_, c) => {
        for (let i = 0; !stop; i++) latest = Math.max(latest, await get(`/page/c${c}-${i}`, agent));
      });
      while (latest < clients * 10) await new Promise((r) => setTimeout(r, 5));
      // A newcomer on a connection of its own.
      const before = latest;
      const newcomer = await get("/page/newcomer", new Agent({ keepAlive: false }));
      stop = true;
      await Promise.all(busy);
      agent.destroy();
      // Ahead of it: about one round of the busy clients (those in line, those running, answers on
      // their way). Started where their request was read, a pass over the sockets served every busy
      // client before Node accepted the newcomer's connection, and again before it read its request:
      // two rounds and more.
      expect(newcomer - before).toBeLessThan(clients * 1.5);
    } finally {
      child.kill();
    }
  });

  it("answers 503 with Retry-After when the line is full, and writes nothing for it", async () => {
    const { base, order, arrived, release } = await serve(1, 1);
    const first = fetch(`${base}/hold/first`);
    // First running (held), second in line: the one place in the line is taken.
    await until(() => order.includes("first"));
    const second = fetch(`${base}/hold/second`);
    await until(() => arrived.includes("second"));
    const third = await fetch(`${base}/hold/third`);
    expect(third.status).toBe(503);
    expect(third.headers.get("retry-after")).toBe("1");
    release();
    expect((await first).status).toBe(200);
    await until(() => order.includes("second"));
    release();
    expect((await second).status).toBe(200);
    expect(order).toEqual(["first", "second"]);
  });
});
