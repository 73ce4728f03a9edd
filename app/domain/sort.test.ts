import { describe, expect, it } from "vitest";
import { compareBlanksLast, sortRows } from "./sort";

describe("sorting with blanks", () => {
  const rows = [
    { name: "Candidate 10", total: 2.5 },
    { name: "No score yet", total: null },
    { name: "Candidate 2", total: 3.1 },
    { name: "Also blank", total: null },
    { name: "Candidate 1", total: 0 },
  ];

  it("puts blanks last whether the column is sorted up or down", () => {
    expect(sortRows(rows, (r) => r.total, 1).map((r) => r.name)).toEqual([
      "Candidate 1",
      "Candidate 10",
      "Candidate 2",
      "Also blank",
      "No score yet",
    ]);
    expect(sortRows(rows, (r) => r.total, -1).map((r) => r.name)).toEqual([
      "Candidate 2",
      "Candidate 10",
      "Candidate 1",
      "Also blank",
      "No score yet",
    ]);
  });

  it("keeps a real zero among the values: only a blank is blank", () => {
    expect(compareBlanksLast(0, null, 1)).toBeLessThan(0);
    expect(compareBlanksLast(0, null, -1)).toBeLessThan(0);
    expect(compareBlanksLast(null, null, -1)).toBe(0);
  });

  it("orders text by its numbers, and blanks last there too", () => {
    const named = [{ name: "Candidate 10" }, { name: "Candidate 2" }];
    expect(sortRows(named, (r) => r.name, 1).map((r) => r.name)).toEqual(["Candidate 2", "Candidate 10"]);
    expect(compareBlanksLast(null, "A", 1)).toBeGreaterThan(0);
    expect(compareBlanksLast("A", null, -1)).toBeLessThan(0);
  });
});
