// One log line per request, tied to its errors by the request id, and nothing
// personal in either: the path only, never the query string (search words are
// people's names) or the body.
import express from "express";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it, vi } from "vitest";
import { identifyRequests } from "~/cli/http-server";
import { handleError } from "~/entry.server";

afterEach(() => vi.restoreAllMocks());

async function withServer(log: boolean, run: (base: string) => Promise<void>) {
  const app = express();
  app.use(identifyRequests(log));
  app.get("/candidates", (_req, res) => res.send("list"));
  app.get("/assets/app.js", (_req, res) => res.send("js"));
  const server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  try {
    await run(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}

describe("the request log", () => {
  it("writes one line per page with the id the response carries, the path, status and time; no query string", async () => {
    const lines: string[] = [];
    vi.spyOn(console, "log").mockImplementation((line: string) => void lines.push(line));
    await withServer(true, async (base) => {
      const response = await fetch(`${base}/candidates?q=%C3%91%C3%BA%C3%B1ez%20Secretperson`);
      const id = response.headers.get("X-Request-Id");
      expect(id).toMatch(/^[\w-]{8}$/);
      await fetch(`${base}/assets/app.js`);
      await vi.waitFor(() => expect(lines).toHaveLength(1));
      expect(lines[0]).toMatch(new RegExp(`^\\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z ${id} GET /candidates 200 \\d+\\.\\dms$`));
      expect(lines.join("\n")).not.toMatch(/Secretperson|Ñúñez|q=/);
    });
  });

  it("stays quiet when turned off, and still gives each response an id", async () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    await withServer(false, async (base) => {
      const [a, b] = await Promise.all([fetch(`${base}/candidates`), fetch(`${base}/candidates`)]);
      expect(a.headers.get("X-Request-Id")).not.toBe(b.headers.get("X-Request-Id"));
    });
    expect(log).not.toHaveBeenCalled();
  });
});

describe("server errors", () => {
  it("are logged with the request id, method and path, without the query string", () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    const request = new Request("http://localhost/candidates?q=Secretperson", { method: "GET" });
    handleError(new Error("boom"), {
      request,
      context: { cspNonce: "", clientIp: "", appendSetCookie: () => {}, requestId: "abcd1234" },
    });
    expect(error).toHaveBeenCalledOnce();
    expect(error.mock.calls[0][0]).toBe("error abcd1234 GET /candidates:");
    expect(JSON.stringify(error.mock.calls[0].slice(0, 1))).not.toContain("Secretperson");
  });

  it("are not logged for a request the client abandoned", () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    const controller = new AbortController();
    controller.abort();
    handleError(new Error("aborted"), {
      request: new Request("http://localhost/", { signal: controller.signal }),
      context: {} as never,
    });
    expect(error).not.toHaveBeenCalled();
  });
});
