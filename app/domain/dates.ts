// Days as the app stores and compares them: ISO calendar days ("2026-12-07") in
// UTC, and whole days as milliseconds. One place, so "today" and "in N days" mean
// the same thing in every rule, page and test.

/** Milliseconds in a day. */
export const DAY_MS = 86_400_000;

/** The ISO calendar day (UTC) of a moment: "2026-12-07". */
export function isoDay(moment: Date): string {
  return moment.toISOString().slice(0, 10);
}

/** The moment `days` whole days after (or before, if negative) `moment`. */
export function addDays(moment: Date, days: number): Date {
  return new Date(moment.getTime() + days * DAY_MS);
}

/** Today's ISO day in UTC, or that of `now`. */
export function today(now: Date = new Date()): string {
  return isoDay(now);
}
