// Helpers to call loaders and actions the way Remix does: real Request
// objects, real cookies, against the test file's real SQLite database.
import type { AppLoadContext } from "@remix-run/node";
import { desc, eq } from "drizzle-orm";
import { getDb, schema } from "~/utils/db.server";
import { startSession } from "~/utils/session.server";

export const ORIGIN = "http://localhost:3000";

export function userIdByEmail(email: string): number {
  const row = getDb().select({ id: schema.users.id }).from(schema.users).where(eq(schema.users.email, email)).get();
  if (!row) throw new Error(`No user ${email}`);
  return row.id;
}

export function roleIdByTitle(title: string): number {
  const row = getDb().select({ id: schema.roles.id }).from(schema.roles).where(eq(schema.roles.title, title)).get();
  if (!row) throw new Error(`No role ${title}`);
  return row.id;
}

/** A signed-in Cookie header for a user, made by the app's own session code. */
export async function cookieFor(email: string, now = Date.now()): Promise<string> {
  const response = await startSession({ userId: userIdByEmail(email), userAgent: "vitest", redirectTo: "/", now });
  return cookieFromResponse(response);
}

export function cookieFromResponse(response: Response): string {
  const setCookie = response.headers.get("Set-Cookie");
  if (!setCookie) throw new Error("No Set-Cookie on response");
  return setCookie.split(";")[0];
}

export function context(overrides: Partial<AppLoadContext> = {}): AppLoadContext & { cookies: string[] } {
  const cookies: string[] = [];
  return {
    cspNonce: "test-nonce",
    clientIp: "203.0.113.7",
    appendSetCookie: (c: string) => cookies.push(c),
    cookies,
    ...overrides,
  };
}

export function get(path: string, cookie?: string): Request {
  return new Request(`${ORIGIN}${path}`, { headers: cookie ? { Cookie: cookie } : {} });
}

export function post(
  path: string,
  fields: Record<string, string | string[]> | FormData,
  options: { cookie?: string; origin?: string | null } = {},
): Request {
  let body: FormData;
  if (fields instanceof FormData) body = fields;
  else {
    body = new FormData();
    for (const [key, value] of Object.entries(fields)) {
      for (const v of Array.isArray(value) ? value : [value]) body.append(key, v);
    }
  }
  const headers: Record<string, string> = {};
  if (options.cookie) headers.Cookie = options.cookie;
  const origin = options.origin === undefined ? ORIGIN : options.origin;
  if (origin !== null) headers.Origin = origin;
  return new Request(`${ORIGIN}${path}`, { method: "POST", body, headers });
}

export type Outcome = { status: number; location: string | null; data: unknown; headers: Headers };

/** Run a loader or action and describe what it answered, thrown or returned. */
export async function invoke(
  handler: (args: { request: Request; params: Record<string, string>; context: AppLoadContext }) => unknown,
  request: Request,
  params: Record<string, string> = {},
  ctx: AppLoadContext = context(),
): Promise<Outcome> {
  let value: unknown;
  try {
    value = await handler({ request, params, context: ctx });
  } catch (thrown) {
    value = thrown;
    if (!(thrown instanceof Response)) throw thrown;
  }
  if (value instanceof Response) {
    const text = await value.clone().text();
    const isJson = (value.headers.get("Content-Type") ?? "").includes("application/json");
    return {
      status: value.status,
      location: value.headers.get("Location"),
      data: isJson ? JSON.parse(text) : text,
      headers: value.headers,
    };
  }
  if (value && typeof value === "object" && (value as { type?: string }).type === "DataWithResponseInit") {
    const d = value as { data: unknown; init: ResponseInit | null };
    return { status: d.init?.status ?? 200, location: null, data: d.data, headers: new Headers(d.init?.headers) };
  }
  return { status: 200, location: null, data: value, headers: new Headers() };
}

/** Rows changed by this connection so far: equal before and after means nothing was written. */
export function totalChanges(): number {
  return (getDb().$client.prepare("select total_changes() as n").get() as { n: number }).n;
}

/** The newest audit entry (or the newest `n`, oldest first): what the last action recorded. */
export function latestAudit(n = 1) {
  return getDb().select().from(schema.auditEvents).orderBy(desc(schema.auditEvents.id)).limit(n).all().reverse();
}

/** The first candidate (by id) on no role yet: someone a test can add to a role without meeting another test's data. */
export function firstUnplacedCandidate() {
  const placed = new Set(
    getDb()
      .select({ id: schema.applications.candidateId })
      .from(schema.applications)
      .all()
      .map((r) => r.id),
  );
  return getDb()
    .select()
    .from(schema.candidates)
    .all()
    .find((c) => !placed.has(c.id))!;
}
