// The HTTP server: security headers on every response, static assets, and the
// Remix request handler with our load context (CSP nonce, client IP, cookies).
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import express from "express";
import { randomBytes } from "node:crypto";
import { resolve } from "node:path";
import type { ViteDevServer } from "vite";
import type { AppContext } from "~/load-context";
import { isSameOriginWrite } from "~/utils/origin";
import { runInRequestScope } from "~/utils/request-scope";
import { createAdmission } from "./admission";

export function contentSecurityPolicy(nonce: string, dev: boolean): string {
  return [
    "default-src 'self'",
    // Vite's dev client injects inline scripts without a nonce; production gets the strict form.
    dev ? "script-src 'self' 'unsafe-inline'" : `script-src 'self' 'nonce-${nonce}'`,
    "style-src 'self'",
    // Chart SVGs (recharts) carry style attributes; <style> elements and scripts stay locked down.
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    dev ? "connect-src 'self' ws:" : "connect-src 'self'",
    "form-action 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** Request bodies are small forms; the CSV import is the one large one. */
export const BODY_LIMIT_BYTES = 1024 * 1024;
// The import's 5 million characters can be up to 4 bytes each in UTF-8, plus form encoding.
const LARGE_BODY_PATHS: Record<string, number> = {
  "/candidates/import": 21 * 1024 * 1024,
  // The same form, sent for its rejected rows.
  "/candidates/import.csv": 21 * 1024 * 1024,
};

/**
 * Refuse writes we will not serve before anything reads their body: unknown
 * length (411), too large (413), not a form (415), or from another origin (403).
 */
function guardWrites(appOrigin: string | undefined): express.RequestHandler {
  return (req, res, next) => {
    if (req.method === "GET" || req.method === "HEAD" || req.method === "OPTIONS") return next();
    const plain = (status: number, message: string) => refuse(res, status, message);
    const expected = appOrigin ?? `${req.protocol}://${req.get("host")}`;
    const origin = req.get("origin") ?? null;
    if (!isSameOriginWrite({ origin, secFetchSite: req.get("sec-fetch-site") ?? null }, expected))
      return plain(403, "Cross-origin request refused.");
    const length = req.get("content-length");
    if (length === undefined && req.get("transfer-encoding"))
      return plain(411, "Send a Content-Length with the request body.");
    const path = req.path.replace(/\.data$/, "");
    if (Number(length ?? 0) > (LARGE_BODY_PATHS[path] ?? BODY_LIMIT_BYTES))
      return plain(413, "That request is too large.");
    const type = (req.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
    if (Number(length ?? 0) > 0 && type !== "application/x-www-form-urlencoded" && type !== "multipart/form-data") {
      return plain(415, "Send forms as application/x-www-form-urlencoded or multipart/form-data.");
    }
    next();
  };
}

/**
 * Gives each request an id (in `res.locals.requestId` and the X-Request-Id
 * header) and, when asked, logs one line once it is answered: time, id,
 * method, path, status, milliseconds. The path only: query strings carry
 * search words (people's names), and nothing else about the request is logged.
 * Static assets are not logged.
 */
export function identifyRequests(log: boolean): express.RequestHandler {
  return (req, res, next) => {
    const id = randomBytes(6).toString("base64url");
    res.locals.requestId = id;
    res.set("X-Request-Id", id);
    if (log && !req.path.startsWith("/assets/")) {
      const started = process.hrtime.bigint();
      res.on("finish", () => {
        const ms = Number(process.hrtime.bigint() - started) / 1e6;
        let path = req.path;
        try {
          path = decodeURIComponent(path);
        } catch {
          // Logged as sent: refuseMalformedPaths answers it.
        }
        console.log(`${new Date().toISOString()} ${id} ${req.method} ${path} ${res.statusCode} ${ms.toFixed(1)}ms`);
      });
    }
    next();
  };
}

/** The server's own refusals: plain text, never cached. */
function refuse(res: express.Response, status: number, message: string) {
  res.status(status).set("Cache-Control", "no-store").type("text/plain").send(message);
}

/** A path that does not decode (`/%E0%A4%A`, `/%`) is a bad request, answered before anything tries to decode it. */
function refuseMalformedPaths(): express.RequestHandler {
  return (req, res, next) => {
    try {
      decodeURIComponent(req.path);
    } catch {
      console.warn(`400 ${req.method}: a path that does not decode`);
      return refuse(res, 400, "That address is not valid.");
    }
    next();
  };
}

/** Requests past this point run a few at a time, in arrival order; a full line gets 503. */
export function admitInOrder(options: { concurrency: number; maxWaiting: number }): express.RequestHandler {
  const admission = createAdmission(options);
  return (req, res, next) => {
    const outcome = admission.admit({ response: res, connection: req.socket }, next);
    if (outcome === "refused") {
      res.set("Retry-After", "1");
      refuse(res, 503, "The server is busy: try again in a moment.");
    }
  };
}

/**
 * The Express app around one server build: the production build, imported once
 * by the caller (app/cli/serve.ts), or, in development, Vite's dev server,
 * whose middleware serves the assets and which loads the latest build per request.
 */
export function createHttpApp(options: {
  build: ServerBuild | (() => Promise<ServerBuild>);
  /** The production build's directory (its client/ holds the static assets); unused with `vite`. */
  buildDir?: string;
  vite?: ViteDevServer;
  trustProxy: boolean;
  appOrigin?: string;
  /** One line per request on standard output (see logRequests). */
  logRequests?: boolean;
}) {
  const dev = Boolean(options.vite);
  const app = express();
  app.disable("x-powered-by");
  if (options.trustProxy) app.set("trust proxy", true);
  app.use(identifyRequests(options.logRequests ?? false));
  app.use(refuseMalformedPaths());

  app.use((_req, res, next) => {
    const nonce = randomBytes(16).toString("base64");
    res.locals.cspNonce = nonce;
    res.set({
      "Content-Security-Policy": contentSecurityPolicy(nonce, dev),
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "same-origin",
      "X-Frame-Options": "DENY",
      "Cross-Origin-Opener-Policy": "same-origin",
      "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=()",
    });
    next();
  });

  if (options.vite) {
    app.use(options.vite.middlewares);
  } else {
    const buildDir = resolve(options.buildDir ?? "build");
    app.use("/assets", express.static(`${buildDir}/client/assets`, { immutable: true, maxAge: "1y" }));
    app.use(express.static(`${buildDir}/client`, { maxAge: "1h" }));
  }

  app.use(guardWrites(options.appOrigin));

  // Two at a time: one rendering while the other's response is written out (see admission.ts).
  app.use(admitInOrder({ concurrency: 2, maxWaiting: 512 }));

  app.all(
    "*",
    (_req, res, next) => {
      // Pages and data carry people's details: never keep them in a shared or browser cache.
      res.set("Cache-Control", "no-store");
      next();
    },
    // The client, for the audit log's entries made while this request is served.
    (req, res, next) =>
      runInRequestScope(
        {
          requestId: res.locals.requestId as string,
          clientIp: req.ip ?? req.socket.remoteAddress ?? "unknown",
          userAgent: req.get("User-Agent")?.slice(0, 200),
        },
        next,
      ),
    createRequestHandler({
      build: options.build,
      mode: dev ? "development" : "production",
      getLoadContext: (req, res): AppContext => ({
        cspNonce: res.locals.cspNonce as string,
        requestId: res.locals.requestId as string,
        clientIp: req.ip ?? req.socket.remoteAddress ?? "unknown",
        appendSetCookie: (cookie) => {
          // One cookie per name: the root and route loaders may both refresh the session.
          const name = `${cookie.split("=")[0]}=`;
          const current = res.getHeader("Set-Cookie");
          const others = (Array.isArray(current) ? current : current ? [String(current)] : []).filter(
            (c) => !c.startsWith(name),
          );
          res.setHeader("Set-Cookie", [...others, cookie]);
        },
      }),
    }),
  );

  // Last resort: never show a stack trace to a browser.
  app.use((error: unknown, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
    console.error(error);
    if (!res.headersSent) refuse(res, 500, "Something went wrong on our side.");
  });

  return app;
}
