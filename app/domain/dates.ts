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

/** True when `zone` is an IANA time zone this runtime knows ("Europe/Berlin", "UTC"). */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return zone.length > 0;
  } catch {
    return false;
  }
}

/** The zone to show times in: the reader's if they have a valid one, else UTC. */
export function readerZone(zone: string | null | undefined): string {
  return zone && isTimeZone(zone) ? zone : "UTC";
}

const momentFormats = new Map<string, Intl.DateTimeFormat>();

function momentFormat(zone: string, withTime: boolean): Intl.DateTimeFormat {
  const key = `${zone}|${withTime}`;
  let format = momentFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      dateStyle: "medium",
      ...(withTime ? { timeStyle: "short" } : {}),
      timeZone: zone,
    });
    momentFormats.set(key, format);
  }
  return format;
}

/** The zone's abbreviation at that moment: "PST", "CET", "GMT+5:30", "UTC". */
export function zoneAbbreviation(moment: Date, zone: string): string {
  const part = new Intl.DateTimeFormat("en-US", { timeZone: zone, timeZoneName: "short" })
    .formatToParts(moment)
    .find((p) => p.type === "timeZoneName");
  return part?.value ?? zone;
}

/**
 * A moment as its reader sees it: "Dec 7, 2026, 10:00 AM PST" (with `dateOnly`,
 * "Dec 7, 2026", the day in the reader's zone). Every time on a page or in mail
 * goes through this, with the reader's zone from `readerZone`.
 */
export function formatMoment(
  moment: Date | string | number,
  zone: string | null | undefined,
  options: { dateOnly?: boolean } = {},
): string {
  const at = moment instanceof Date ? moment : new Date(moment);
  const tz = readerZone(zone);
  if (options.dateOnly) return momentFormat(tz, false).format(at);
  return `${momentFormat(tz, true).format(at)} ${zoneAbbreviation(at, tz)}`;
}

/** Minutes the zone is ahead of UTC at that moment (Los Angeles in winter: -480). */
export function zoneOffsetMinutes(moment: Date, zone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone: zone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(moment);
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(n("year"), n("month") - 1, n("day"), n("hour"), n("minute"), n("second"));
  return Math.round((asUtc - Math.floor(moment.getTime() / 1000) * 1000) / 60_000);
}

/**
 * The moment a wall-clock time ("2026-12-07T10:00", as a datetime-local input
 * gives it) means in a zone. A time skipped by a spring-forward change reads as
 * the moment after the gap; a repeated autumn hour, its first occurrence.
 */
export function zonedLocalToUtc(local: string, zone: string): Date {
  const wall = Date.parse(`${local.length === 16 ? `${local}:00` : local}Z`);
  const first = wall - zoneOffsetMinutes(new Date(wall), zone) * 60_000;
  const second = wall - zoneOffsetMinutes(new Date(first), zone) * 60_000;
  const wallText = new Date(wall).toISOString().slice(0, 16);
  const exact = [first, second].filter((t) => utcToZonedLocal(new Date(t), zone) === wallText);
  return new Date(exact.length > 0 ? Math.min(...exact) : Math.max(first, second));
}

/** The wall-clock time of a moment in a zone, as a datetime-local input takes it: "2026-12-07T10:00". */
export function utcToZonedLocal(moment: Date, zone: string): string {
  const shifted = new Date(moment.getTime() + zoneOffsetMinutes(moment, zone) * 60_000);
  return shifted.toISOString().slice(0, 16);
}
