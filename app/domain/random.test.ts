import { describe, expect, it } from "vitest";
import { seededRandom } from "./random";

describe("the seeded generator", () => {
  it("repeats for a seed, differs between seeds, and stays in [0, 1)", () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const first = Array.from({ length: 1000 }, () => a());
    expect(Array.from({ length: 1000 }, () => b())).toEqual(first);
    expect(seededRandom(43)()).not.toBe(first[0]);
    expect(first.every((x) => x >= 0 && x < 1)).toBe(true);
    // Spread over the interval, not stuck in a corner of it.
    expect(first.filter((x) => x < 0.5).length).toBeGreaterThan(400);
    expect(first.filter((x) => x < 0.5).length).toBeLessThan(600);
  });
});
