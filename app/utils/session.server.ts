// Sessions are database rows; the cookie carries only the opaque session id
// plus the time it was last seen, signed with the session secret.
//
// The idle timeout is enforced from that signed "seen" time and the cookie is
// re-issued on every authenticated response, so reading a page never writes
// to the database. The absolute lifetime lives on the row; sign-out, password
// change and deactivation delete rows.
import { createCookie, redirect, type AppLoadContext, type Cookie } from "@remix-run/node";
import { randomBytes } from "node:crypto";
import { createSession, deleteSession, getSessionWithUser, type SessionUser } from "~/models/session.server";
import { getEnv } from "./env.server";

type CookieValue = { sid: string; seen: number };

let sessionCookie: Cookie | null = null;
function cookie(): Cookie {
  const env = getEnv();
  sessionCookie ??= createCookie("hiring_session", {
    httpOnly: true,
    sameSite: "lax",
    secure: env.NODE_ENV === "production" && env.COOKIE_SECURE,
    path: "/",
    secrets: [env.sessionSecret],
  });
  return sessionCookie;
}

function idleMs(): number {
  return getEnv().SESSION_IDLE_MINUTES * 60_000;
}

async function readCookie(request: Request): Promise<CookieValue | null> {
  const value = (await cookie().parse(request.headers.get("Cookie"))) as unknown;
  if (!value || typeof value !== "object") return null;
  const { sid, seen } = value as Partial<CookieValue>;
  if (typeof sid !== "string" || typeof seen !== "number") return null;
  return { sid, seen };
}

async function serializeSession(sid: string, expiresAt: Date, now: number): Promise<string> {
  const maxAge = Math.max(0, Math.floor(Math.min(idleMs(), expiresAt.getTime() - now) / 1000));
  return cookie().serialize({ sid, seen: now } satisfies CookieValue, { maxAge });
}

export type CurrentSession = { user: SessionUser; sessionId: string };

/** The signed-in user, or null. Refreshes the idle window through the response cookie. */
export async function getCurrentSession(
  request: Request,
  context?: Partial<AppLoadContext>,
  now = Date.now(),
): Promise<CurrentSession | null> {
  const value = await readCookie(request);
  if (!value) return null;
  if (now - value.seen > idleMs()) return null;
  const found = getSessionWithUser(value.sid, new Date(now));
  if (!found) return null;
  context?.appendSetCookie?.(await serializeSession(value.sid, found.expiresAt, now));
  return { user: found.user, sessionId: value.sid };
}

export async function startSession(input: {
  userId: number;
  userAgent: string | null;
  redirectTo: string;
  now?: number;
}): Promise<Response> {
  const now = input.now ?? Date.now();
  const sid = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now + getEnv().SESSION_MAX_HOURS * 3_600_000);
  createSession({ id: sid, userId: input.userId, createdAt: new Date(now), expiresAt, userAgent: input.userAgent });
  return redirect(input.redirectTo, { headers: { "Set-Cookie": await serializeSession(sid, expiresAt, now) } });
}

export async function endSession(request: Request): Promise<Response> {
  const value = await readCookie(request);
  if (value) deleteSession(value.sid);
  return redirect("/login", { headers: { "Set-Cookie": await cookie().serialize("", { maxAge: 0 }) } });
}

/** Only same-site relative paths, so a crafted link cannot bounce a user elsewhere after sign-in. */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  // Browsers drop tabs and newlines from URLs, so "/\t/evil.example" would become "//evil.example":
  // refuse control characters and whitespace outright, then require the path to stay on our origin.
  // eslint-disable-next-line no-control-regex -- control characters are exactly what this refuses
  if (typeof to !== "string" || !to.startsWith("/") || /[\u0000-\u0020\u007f\\]/.test(to)) return fallback;
  const base = "http://app.invalid";
  try {
    const url = new URL(to, base);
    return url.origin === base && !to.startsWith("//") ? to : fallback;
  } catch {
    return fallback;
  }
}
