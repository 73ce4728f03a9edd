import { describe, expect, it } from "vitest";
import { addDays, DAY_MS, formatMoment, isoDay, isTimeZone, today, utcToZonedLocal, zonedLocalToUtc } from "./dates";

describe("days", () => {
  it("reads a moment's UTC calendar day, whatever the hour", () => {
    expect(isoDay(new Date("2026-12-07T23:59:59.999Z"))).toBe("2026-12-07");
    expect(isoDay(new Date("2026-12-08T00:00:00.000Z"))).toBe("2026-12-08");
    expect(today(new Date("2026-02-28T12:00:00Z"))).toBe("2026-02-28");
  });

  it("adds whole days, backwards too, across a month's end", () => {
    expect(isoDay(addDays(new Date("2026-02-27T10:00:00Z"), 2))).toBe("2026-03-01");
    expect(isoDay(addDays(new Date("2026-01-01T10:00:00Z"), -1))).toBe("2025-12-31");
    expect(DAY_MS).toBe(24 * 60 * 60 * 1000);
  });
});

describe("formatMoment", () => {
  const at = new Date("2026-12-07T18:00:00Z");
  it("shows the moment in the reader's zone with its abbreviation", () => {
    expect(formatMoment(at, "America/Los_Angeles")).toBe("Dec 7, 2026, 10:00 AM PST");
    expect(formatMoment(at, "Europe/Berlin")).toBe("Dec 7, 2026, 7:00 PM GMT+1");
    expect(formatMoment(at, "UTC")).toBe("Dec 7, 2026, 6:00 PM UTC");
  });
  it("falls back to UTC for no zone or an unknown one", () => {
    expect(formatMoment(at, null)).toBe("Dec 7, 2026, 6:00 PM UTC");
    expect(formatMoment(at, "Mars/Olympus")).toBe("Dec 7, 2026, 6:00 PM UTC");
  });
  it("gives the day in the reader's zone", () => {
    expect(formatMoment(new Date("2026-12-08T02:00:00Z"), "America/Los_Angeles", { dateOnly: true })).toBe(
      "Dec 7, 2026",
    );
  });
  it("knows summer time", () => {
    expect(formatMoment(new Date("2026-07-01T17:00:00Z"), "America/Los_Angeles")).toBe("Jul 1, 2026, 10:00 AM PDT");
  });
});

describe("isTimeZone", () => {
  it("accepts IANA zones and refuses the rest", () => {
    expect(isTimeZone("Asia/Kolkata")).toBe(true);
    expect(isTimeZone("")).toBe(false);
    expect(isTimeZone("Not/AZone")).toBe(false);
  });
});

describe("wall-clock times in a zone", () => {
  it("reads 10:00 in Los Angeles as 18:00 UTC in winter and 17:00 in summer", () => {
    expect(zonedLocalToUtc("2026-12-07T10:00", "America/Los_Angeles").toISOString()).toBe("2026-12-07T18:00:00.000Z");
    expect(zonedLocalToUtc("2026-07-01T10:00", "America/Los_Angeles").toISOString()).toBe("2026-07-01T17:00:00.000Z");
    expect(zonedLocalToUtc("2026-12-07T10:00", "Asia/Kolkata").toISOString()).toBe("2026-12-07T04:30:00.000Z");
    expect(zonedLocalToUtc("2026-12-07T10:00", "UTC").toISOString()).toBe("2026-12-07T10:00:00.000Z");
  });
  it("round-trips through the input's form", () => {
    for (const zone of ["America/Los_Angeles", "Europe/Berlin", "Asia/Kolkata", "Pacific/Auckland", "UTC"]) {
      const at = zonedLocalToUtc("2026-03-29T09:30", zone);
      expect(utcToZonedLocal(at, zone)).toBe("2026-03-29T09:30");
    }
  });
  it("moves a time in the spring-forward gap past it, and takes an autumn repeat's first hour", () => {
    expect(zonedLocalToUtc("2026-03-08T02:30", "America/New_York").toISOString()).toBe("2026-03-08T07:30:00.000Z");
    expect(utcToZonedLocal(zonedLocalToUtc("2026-03-08T02:30", "America/New_York"), "America/New_York")).toBe(
      "2026-03-08T03:30",
    );
    expect(zonedLocalToUtc("2026-11-01T01:30", "America/New_York").toISOString()).toBe("2026-11-01T05:30:00.000Z");
  });
});
