// The read-only API's vocabulary: what an API key may be granted. Each scope
// opens one kind of resource under /api/v1; "pay" adds pay figures to what the
// other scopes already show and opens nothing by itself.

export const apiScopes = ["roles", "applications", "scorecards", "checks", "pay"] as const;
export type ApiScope = (typeof apiScopes)[number];

export const apiScopeLabels: Record<ApiScope, string> = {
  roles: "Roles",
  applications: "Applications (stage and decision)",
  scorecards: "Scorecard summaries",
  checks: "Compliance checks' statuses",
  pay: "Pay (budgets, offers' and candidates' pay)",
};

/** Scopes that open a resource of their own (every scope but pay). */
export const resourceScopes = apiScopes.filter((s) => s !== "pay");

// ---- Keys -------------------------------------------------------------------------------------------------------
// A key reads `ats_<prefix>_<secret>`: the prefix (12 hex digits, public, unique) finds the row, the secret (32
// random bytes, 64 hex digits) is checked against its stored SHA-256. Hex keeps the whole key one "word", so a
// double click selects all of it.

export const API_KEY_PREFIX_BYTES = 6;
export const API_KEY_SECRET_BYTES = 32;
const KEY_PATTERN = /^ats_([0-9a-f]{12})_([0-9a-f]{64})$/;

function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

/** A new key's parts from random bytes (the caller supplies them: this module does no I/O). */
export function formatApiKey(
  prefixBytes: Uint8Array,
  secretBytes: Uint8Array,
): { prefix: string; secret: string; token: string } {
  if (prefixBytes.length !== API_KEY_PREFIX_BYTES || secretBytes.length !== API_KEY_SECRET_BYTES)
    throw new Error("An API key needs 6 prefix bytes and 32 secret bytes");
  const prefix = toHex(prefixBytes);
  const secret = toHex(secretBytes);
  return { prefix, secret, token: `ats_${prefix}_${secret}` };
}

/** The parts of a presented key, or null when it is not shaped like one of ours. */
export function parseApiKey(token: string): { prefix: string; secret: string } | null {
  const match = KEY_PATTERN.exec(token);
  return match ? { prefix: match[1], secret: match[2] } : null;
}

/** The token of an `Authorization: Bearer <token>` header, or null. */
export function bearerToken(header: string | null): string | null {
  if (!header) return null;
  const match = /^Bearer[ ]+(\S+)\s*$/i.exec(header);
  return match ? match[1] : null;
}

/** A key's scopes as stored: known ones only, once each, in the list's order. */
export function normalizeScopes(scopes: readonly string[]): ApiScope[] {
  return apiScopes.filter((s) => scopes.includes(s));
}

/** How many of a key's newest calls its admin page lists. */
export const API_CALLS_SHOWN = 50;

// ---- The rate limit ---------------------------------------------------------------------------------------------

export const API_RATE_WINDOW_MS = 60_000;
export const API_DEFAULT_REQUESTS_PER_MINUTE = 120;

/**
 * Whether one more call fits: `recent` are the times (ms) of this key's calls in the last minute. When it does not,
 * the seconds until the oldest of them leaves the window (at least 1), for Retry-After.
 */
export function rateLimitDecision(
  recent: readonly number[],
  limit: number,
  now: number,
): { ok: true } | { ok: false; retryAfterSeconds: number } {
  const inWindow = recent.filter((t) => t > now - API_RATE_WINDOW_MS).sort((a, b) => a - b);
  if (inWindow.length < limit) return { ok: true };
  // The call that must leave before this one fits: the (count - limit + 1)th oldest.
  const leaving = inWindow[inWindow.length - limit];
  return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((leaving + API_RATE_WINDOW_MS - now) / 1000)) };
}

// ---- Paging -----------------------------------------------------------------------------------------------------
// Lists are ordered by id and paged by an opaque cursor naming the last id served: rows added while a client pages
// land on a later page, and no row is served twice or skipped.

export const API_DEFAULT_LIMIT = 50;
export const API_MAX_LIMIT = 100;

/** A cursor is opaque to clients (they pass back what `next` holds); here it is the last id in base 36. */
export function encodeCursor(lastId: number): string {
  return `c${lastId.toString(36)}`;
}

/** The last id a cursor names, or null when it is not one of ours. */
export function decodeCursor(cursor: string): number | null {
  const match = /^c([0-9a-z]{1,10})$/.exec(cursor);
  if (!match) return null;
  const id = parseInt(match[1], 36);
  return Number.isSafeInteger(id) ? id : null;
}

export type PageRequest = { limit: number; afterId: number };
export type ApiProblem = { status: 400; error: string; message: string };

/** `limit` (1..100, default 50) and `cursor` from a query string, or the 400 a client should get. */
export function parsePaging(params: URLSearchParams): PageRequest | ApiProblem {
  const rawLimit = params.get("limit");
  let limit = API_DEFAULT_LIMIT;
  if (rawLimit !== null) {
    if (!/^\d{1,4}$/.test(rawLimit) || Number(rawLimit) < 1 || Number(rawLimit) > API_MAX_LIMIT)
      return badRequest(`limit must be a whole number from 1 to ${API_MAX_LIMIT}`);
    limit = Number(rawLimit);
  }
  const rawCursor = params.get("cursor");
  if (rawCursor === null || rawCursor === "") return { limit, afterId: 0 };
  const afterId = decodeCursor(rawCursor);
  return afterId === null ? badRequest("cursor is not one this API gave out") : { limit, afterId };
}

export function badRequest(message: string): ApiProblem {
  return { status: 400, error: "bad_request", message };
}

export function isProblem(value: unknown): value is ApiProblem {
  return typeof value === "object" && value !== null && "error" in value && (value as ApiProblem).status === 400;
}

/**
 * One page from `limit + 1` rows fetched after the cursor: the rows to serve and the link to the next page (the same
 * path and filters with the new cursor), or null on the last page.
 */
export function pageOf<T extends { id: number }>(
  fetched: readonly T[],
  limit: number,
  url: URL,
): { rows: T[]; next: string | null } {
  const rows = fetched.slice(0, limit);
  if (fetched.length <= limit || rows.length === 0) return { rows, next: null };
  const next = new URLSearchParams(url.searchParams);
  next.set("cursor", encodeCursor(rows[rows.length - 1].id));
  next.set("limit", String(limit));
  return { rows, next: `${url.pathname}?${next.toString()}` };
}

/** An ISO time from a query string (`updated_since`), or null when absent; a problem when not a time. */
export function parseSince(value: string | null, name: string): Date | null | ApiProblem {
  if (value === null || value === "") return null;
  const time = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2}))?$/.test(value)
    ? Date.parse(value)
    : NaN;
  return Number.isNaN(time)
    ? badRequest(`${name} must be an ISO 8601 date or time, e.g. 2026-01-31T09:00:00Z`)
    : new Date(time);
}

/** A positive id from a query string or a path, or null. */
export function parseId(value: string | null | undefined): number | null {
  return value && /^[1-9]\d{0,14}$/.test(value) ? Number(value) : null;
}
