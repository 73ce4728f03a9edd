import { describe, expect, it } from "vitest";
import { isIsoDate, optionalWholeNumber } from "./fields";

describe("isIsoDate", () => {
  it("accepts real dates only, as typed", () => {
    expect(isIsoDate("2027-02-28")).toBe(true);
    expect(isIsoDate("2028-02-29")).toBe(true);
    for (const bad of ["2026-02-30", "2027-02-29", "0000-01-01", "2026-13-01", "2026-1-5", "3000-01-01", "next week"])
      expect(isIsoDate(bad), bad).toBe(false);
  });
});

describe("optionalWholeNumber", () => {
  const n = optionalWholeNumber("Budget", 1_000_000);
  it("reads thousands separators but not stray commas", () => {
    expect(n.parse("185,000")).toBe(185000);
    expect(n.parse(" 1 200 ")).toBe(1200);
    expect(n.safeParse("1,0,0").success).toBe(false);
    expect(n.safeParse("12.5").success).toBe(false);
    expect(n.parse("")).toBeNull();
  });
});
