import { describe, expect, it } from "vitest";
import { addDays, DAY_MS, isoDay, today } from "./dates";

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
