import { describe, expect, it } from "vitest";
import { safeCell } from "./csv";

describe("safeCell", () => {
  it("keeps formulas as text, including after spaces, a line break or in full-width forms", () => {
    for (const attack of [
      "=1+1",
      "+1",
      "-2+3",
      "@SUM(A1)",
      " =1+1",
      "\n=1+1",
      "\t=1",
      "\r=1",
      "＝1+1",
      "＋1",
      "－1",
      "＠SUM(A1)",
      "  @x",
    ]) {
      expect(safeCell(attack), JSON.stringify(attack)).toBe(`'${attack}`);
    }
  });
  it("leaves ordinary text and numbers alone", () => {
    expect(safeCell("Fatima Bennett")).toBe("Fatima Bennett");
    expect(safeCell("3.34 (3-4; Sam: Yes)")).toBe("3.34 (3-4; Sam: Yes)");
    expect(safeCell(-5)).toBe("-5");
    expect(safeCell(3.34)).toBe("3.34");
    expect(safeCell(null)).toBe("");
    expect(safeCell(undefined)).toBe("");
  });
});
