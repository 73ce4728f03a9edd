// Derived figures (a role's rollup, calibration) kept in memory between
// requests. An entry is used only while what it was computed from is unchanged
// and for at most `maxAgeMs`, because some figures follow the clock (days
// open, scorecards that fell due). What it was computed from: one role's data
// when the caller names the role (roleDataVersion: a counter that triggers
// raise on every write feeding that role, from this process or another), every
// role's data (allRolesDataVersion: any role's counter) for figures across roles, else
// the whole database (databaseVersion: any write drops it). Bounded: the least recently used
// entries go first. Values are shared between requests, so callers treat them
// as read-only; outside production they are frozen to catch a mutation.
import { allRolesDataVersion, databaseVersion, inTransaction, roleDataVersion } from "./db.server";

type Entry = { version: string; computedAt: number; value: unknown };

export const MAX_CACHE_ENTRIES = 32;

const globalForCache = globalThis as unknown as { __derivedCache?: Map<string, Entry> };
const entries = (globalForCache.__derivedCache ??= new Map<string, Entry>());

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    if (value instanceof Map) for (const v of value.values()) deepFreeze(v);
    else if (!(value instanceof Date)) for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

export type CacheScope = {
  maxAgeMs: number;
  /** The figures follow only this role's data (see the triggers on role_versions): other roles' writes keep them. */
  roleId?: number;
  /** The figures follow every role's data (any role's counter), and not writes no figure reads. */
  allRoles?: boolean;
};

export function cachedDerived<T>(key: string, options: CacheScope, compute: () => T): T {
  // Inside a transaction the rows read may be rolled back, and a counter raised with them would be raised again.
  if (inTransaction()) return compute();
  const version =
    options.roleId !== undefined
      ? roleDataVersion(options.roleId)
      : options.allRoles
        ? allRolesDataVersion()
        : databaseVersion();
  const now = Date.now();
  const hit = entries.get(key);
  entries.delete(key);
  if (hit && hit.version === version && now - hit.computedAt < options.maxAgeMs && now >= hit.computedAt) {
    entries.set(key, hit);
    return hit.value as T;
  }
  const value = compute();
  entries.set(key, {
    version,
    computedAt: now,
    value: process.env.NODE_ENV === "production" ? value : deepFreeze(value),
  });
  while (entries.size > MAX_CACHE_ENTRIES) entries.delete(entries.keys().next().value!);
  return value;
}

/** For tests: forget every entry. */
export function clearDerivedCache(): void {
  entries.clear();
}
