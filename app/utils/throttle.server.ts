// Login throttling: a fixed one-minute window per key (client IP, account).
// In memory: one server process serves the app (docs/decisions/002-login-throttling-in-memory.md).
type Window = { start: number; count: number };

const windows = new Map<string, Window>();
const WINDOW_MS = 60_000;

export type ThrottleResult = { limited: false } | { limited: true; retryAfterSeconds: number };

/** Count one attempt against every key; limited when any key is past `limit` in its window. */
export function hitThrottle(keys: string[], limit: number, now = Date.now()): ThrottleResult {
  if (windows.size > 50_000) {
    for (const [key, w] of windows) if (now - w.start >= WINDOW_MS) windows.delete(key);
  }
  let retryAfter = 0;
  for (const key of keys) {
    let w = windows.get(key);
    if (!w || now - w.start >= WINDOW_MS) {
      w = { start: now, count: 0 };
      windows.set(key, w);
    }
    w.count += 1;
    if (w.count > limit) retryAfter = Math.max(retryAfter, Math.ceil((w.start + WINDOW_MS - now) / 1000));
  }
  return retryAfter > 0 ? { limited: true, retryAfterSeconds: retryAfter } : { limited: false };
}

export function resetThrottle(): void {
  windows.clear();
}
