// Derived figures (a role's rollup, calibration) kept in memory between
// requests. An entry is used only while the database is unchanged since it was
// computed (see databaseVersion: any write, from this process or another,
// drops it) and for at most `maxAgeMs`, because some figures follow the clock
// (days open, scorecards that fell due). Bounded: the least recently used
// entries go first. Values are shared between requests, so callers treat them
// as read-only; outside production they are frozen to catch a mutation.
import { databaseVersion } from "./db.server";

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

export function cachedDerived<T>(key: string, options: { maxAgeMs: number }, compute: () => T): T {
  const version = databaseVersion();
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
