import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { renderToString } from "react-dom/server";
import { NonceProvider } from "./utils/nonce";

// What the serving process needs before it serves (configuration, migrating and
// seeding, the guard every action passes through, the claim that keeps
// `db:reset` off a served database), taken from this build through
// `build.entry.module`, so the process holds one copy of the database and
// configuration modules: the build's (app/cli/serve.ts). The compiled start
// entry bundles neither.
export { getEnv } from "./utils/env.server";
export { prepareDatabase } from "./utils/db.server";
export { guardActions } from "./utils/action-guard.server";
export { claimServerLock } from "./utils/server-lock.server";
export { startDailyJobs } from "./utils/daily-jobs.server";
export { startMailWorker } from "./utils/mail-worker.server";

/**
 * Server errors are logged with the request's id (the same id as its log line
 * and its X-Request-Id header), its method and path; never its query string or
 * body. A request the client abandoned is not an error.
 */
export function handleError(error: unknown, { request, context }: { request: Request; context: AppLoadContext }) {
  if (request.signal.aborted) return;
  const path = new URL(request.url).pathname;
  console.error(`error ${context?.requestId ?? "-"} ${request.method} ${path}:`, error);
}

/**
 * Read the page's data (Remix's single-fetch hand-off stream) to its end before
 * rendering, and give it to Remix's <Scripts> as already read. Every loader here
 * answers synchronously from SQLite and nothing is deferred, so the stream ends at
 * once; with it read, nothing in the page suspends and it renders in one
 * synchronous pass.
 */
async function readHandoff(context: EntryContext): Promise<void> {
  const stream = context.serverHandoffStream;
  if (!stream) return;
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  const streamCache: NonNullable<NonNullable<EntryContext["renderMeta"]>["streamCache"]> = {};
  for (let chunk = 0; ; chunk++) {
    const { done, value } = await reader.read();
    streamCache[chunk] = Object.assign(Promise.resolve(), {
      result: { done, value: decoder.decode(value, { stream: !done }) },
    });
    if (done) break;
  }
  // <RemixServer> takes its own reader of the (now finished) stream.
  reader.releaseLock();
  context.renderMeta = { ...context.renderMeta, streamCache };
}

/**
 * Pages are rendered whole to one string and sent as one body. With the data
 * read first (above), React's string renderer does the same work as its
 * streaming one without encoding every piece to bytes and without suspending,
 * which takes about a fifth off the server's time per page (docs/decisions/049-pages-rendered-to-one-string.md).
 * A render that throws reaches Remix, which renders the error boundary instead.
 */
export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = loadContext?.cspNonce ?? "";
  await readHandoff(remixContext);
  const html = renderToString(
    <NonceProvider value={nonce}>
      <RemixServer context={remixContext} url={request.url} nonce={nonce} />
    </NonceProvider>,
  );
  responseHeaders.set("Content-Type", "text/html; charset=utf-8");
  return new Response(`<!DOCTYPE html>${html}`, { headers: responseHeaders, status: responseStatusCode });
}
