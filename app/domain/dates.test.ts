import { describe, expect, it } from "vitest";
import { addDays, DAY_MS, formatMoment, isoDay, isTimeZone, today } from "./dates";

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
