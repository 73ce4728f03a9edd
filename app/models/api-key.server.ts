// API keys and the log of every call made with them. A key's secret is shown
// once, when created, and only its SHA-256 is kept; the row is found by the
// key's public prefix and the secret compared in constant time. Nothing here is
// cached: a revoke holds from the next call.
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { and, desc, eq, gt, lt, ne, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import {
  API_CALLS_SHOWN,
  API_KEY_PREFIX_BYTES,
  API_KEY_SECRET_BYTES,
  API_RATE_WINDOW_MS,
  formatApiKey,
  normalizeScopes,
  parseApiKey,
  type ApiScope,
} from "~/domain/api";
import { getDb, schema } from "~/utils/db.server";
import { recordAudit } from "./audit.server";

const { apiKeys, apiRequests, users } = schema;

function sha256(text: string): Buffer {
  return createHash("sha256").update(text, "utf8").digest();
}

/**
 * A new key: its row (name, scopes, the secret's hash) and the audit entry, in one transaction. Returns the whole
 * key, the only time it exists anywhere.
 */
export function createApiKey(input: { name: string; scopes: readonly ApiScope[]; actorId: number }): {
  id: number;
  token: string;
} {
  const { prefix, secret, token } = formatApiKey(randomBytes(API_KEY_PREFIX_BYTES), randomBytes(API_KEY_SECRET_BYTES));
  const scopes = normalizeScopes(input.scopes);
  const id = getDb().transaction((tx) => {
    const row = tx
      .insert(apiKeys)
      .values({
        name: input.name,
        prefix,
        secretHash: sha256(secret).toString("hex"),
        scopes,
        createdById: input.actorId,
      })
      .returning({ id: apiKeys.id })
      .get();
    recordAudit({
      actorId: input.actorId,
      action: "api_key.create",
      subject: { type: "api_key", id: row.id },
      detail: { scopes: scopes.join(":") },
    });
    return row.id;
  });
  return { id, token };
}

/** Revoke a key (once; a second revoke changes nothing). False when there is no such key or it was already revoked. */
export function revokeApiKey(input: { id: number; actorId: number; now?: Date }): boolean {
  return getDb().transaction((tx) => {
    const changed = tx
      .update(apiKeys)
      .set({ revokedAt: input.now ?? new Date(), revokedById: input.actorId })
      .where(and(eq(apiKeys.id, input.id), sql`${apiKeys.revokedAt} is null`))
      .run().changes;
    if (changed === 0) return false;
    recordAudit({ actorId: input.actorId, action: "api_key.revoke", subject: { type: "api_key", id: input.id } });
    return true;
  });
}

export type PresentedKey = { id: number; scopes: ApiScope[]; revoked: boolean };

/**
 * The key a call presented, read fresh from the database: null when the token is not shaped like a key, names no
 * prefix we know, or its secret does not match. A revoked key is returned as revoked (the call is logged against it).
 */
export function findPresentedKey(token: string): PresentedKey | null {
  const parts = parseApiKey(token);
  if (!parts) return null;
  const row = getDb()
    .select({ id: apiKeys.id, secretHash: apiKeys.secretHash, scopes: apiKeys.scopes, revokedAt: apiKeys.revokedAt })
    .from(apiKeys)
    .where(eq(apiKeys.prefix, parts.prefix))
    .get();
  if (!row) return null;
  const stored = Buffer.from(row.secretHash, "hex");
  const presented = sha256(parts.secret);
  if (stored.length !== presented.length || !timingSafeEqual(stored, presented)) return null;
  return { id: row.id, scopes: normalizeScopes(row.scopes), revoked: row.revokedAt !== null };
}

/**
 * When this key's calls of the last minute were made (ms), for the rate limit: read from the log, so every server
 * process counts the same calls. Calls refused for the limit itself do not count, so a client that keeps retrying
 * is let in again when the Retry-After it was given has passed.
 */
export function listRecentCallTimes(keyId: number, now: number): number[] {
  return getDb()
    .select({ at: apiRequests.at })
    .from(apiRequests)
    .where(
      and(
        eq(apiRequests.keyId, keyId),
        gt(apiRequests.at, new Date(now - API_RATE_WINDOW_MS)),
        ne(apiRequests.status, 429),
      ),
    )
    .all()
    .map((r) => r.at.getTime());
}

/** Log one call (refused ones too), and mark the key used, in one transaction. */
export function logApiCall(input: {
  keyId: number | null;
  method: string;
  path: string;
  status: number;
  clientIp: string | null;
  at: Date;
}): void {
  getDb().transaction((tx) => {
    tx.insert(apiRequests).values(input).run();
    if (input.keyId !== null) tx.update(apiKeys).set({ lastUsedAt: input.at }).where(eq(apiKeys.id, input.keyId)).run();
  });
}

const revoker = alias(users, "revoker");

/** Every key, newest first, for the admin page (never the hash). */
export function listApiKeys() {
  return getDb()
    .select({
      id: apiKeys.id,
      name: apiKeys.name,
      prefix: apiKeys.prefix,
      scopes: apiKeys.scopes,
      createdAt: apiKeys.createdAt,
      createdByName: users.name,
      lastUsedAt: apiKeys.lastUsedAt,
      revokedAt: apiKeys.revokedAt,
      revokedByName: revoker.name,
    })
    .from(apiKeys)
    .leftJoin(users, eq(users.id, apiKeys.createdById))
    .leftJoin(revoker, eq(revoker.id, apiKeys.revokedById))
    .orderBy(desc(apiKeys.id))
    .all();
}

/** A key's newest calls (time, method, path, status), for the admin page. */
export function listApiCalls(keyId: number, limit = API_CALLS_SHOWN) {
  return getDb()
    .select({
      id: apiRequests.id,
      at: apiRequests.at,
      method: apiRequests.method,
      path: apiRequests.path,
      status: apiRequests.status,
    })
    .from(apiRequests)
    .where(eq(apiRequests.keyId, keyId))
    .orderBy(desc(apiRequests.at), desc(apiRequests.id))
    .limit(limit)
    .all();
}

/** Delete logged calls made before `before` (the daily run, with the audit log's period). Returns how many. */
export function pruneApiCalls(before: Date): number {
  return getDb().delete(schema.apiRequests).where(lt(schema.apiRequests.at, before)).run().changes;
}
