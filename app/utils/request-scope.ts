// What the server knows about the request being served, reachable from any
// code it runs (the audit log records the client with each entry) without
// passing it through every call. The HTTP server opens a scope per request
// (app/cli/http-server.ts); code run outside one (a CLI, a test calling a
// loader directly) sees none. The storage lives on globalThis because the HTTP
// server and the Remix build are bundled separately and must share it.
import { AsyncLocalStorage } from "node:async_hooks";

export type RequestScope = { requestId?: string; clientIp?: string; userAgent?: string };

const globalForScope = globalThis as unknown as { __requestScope?: AsyncLocalStorage<RequestScope> };
const storage = (globalForScope.__requestScope ??= new AsyncLocalStorage<RequestScope>());

export function runInRequestScope<T>(scope: RequestScope, run: () => T): T {
  return storage.run(scope, run);
}

export function currentRequestScope(): RequestScope | undefined {
  return storage.getStore();
}
