// A webhook receiver for tests: a real HTTP server (node:http) on loopback that
// keeps every request it gets (headers and the raw body, as a receiver must
// verify it) and answers with the status the test chose. No app imports, so
// the end-to-end specs use it too.
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export type ReceivedWebhook = {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  json: { type: string; id: string; data: Record<string, unknown> };
};

export type WebhookReceiver = {
  url: (path?: string) => string;
  received: ReceivedWebhook[];
  /** The status of the next answers, in order; once used up, 204. */
  answerWith: (...statuses: number[]) => void;
  /** Delay every answer by this many milliseconds. */
  delay: (ms: number) => void;
  /** Resolves once `count` requests have arrived (or rejects after `timeoutMs`). */
  waitFor: (count: number, timeoutMs?: number) => Promise<ReceivedWebhook[]>;
  close: () => Promise<void>;
};

/**
 * Start a receiver on `port` (0: any free port). It listens on `listenHost` (loopback; "::" for every address,
 * which takes both localhost's IPv4 and IPv6) and names itself by `urlHost` in its URLs.
 */
export async function startWebhookReceiver(
  options: { port?: number; listenHost?: string; urlHost?: string } = {},
): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = [];
  const statuses: number[] = [];
  let delayMs = 0;
  const waiters: (() => void)[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      let json: ReceivedWebhook["json"];
      try {
        json = JSON.parse(body) as ReceivedWebhook["json"];
      } catch {
        json = { type: "", id: "", data: {} };
      }
      received.push({ path: request.url ?? "/", headers: request.headers, body, json });
      waiters.splice(0).forEach((wake) => wake());
      const status = statuses.shift() ?? 204;
      setTimeout(() => response.writeHead(status).end(), delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.listenHost ?? "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const host = options.urlHost ?? "127.0.0.1";
  return {
    url: (path = "/hooks") => `http://${host}:${port}${path}`,
    received,
    answerWith: (...next) => statuses.push(...next),
    delay: (ms) => {
      delayMs = ms;
    },
    waitFor: async (count, timeoutMs = 10_000) => {
      const deadline = Date.now() + timeoutMs;
      while (received.length < count) {
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`Expected ${count} webhook requests, got ${received.length}`);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, left);
          waiters.push(() => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
      return received.slice(0, count);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
