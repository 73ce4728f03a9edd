import { describe, expect, it } from "vitest";
import { checkMove, timeToHireNorm } from "./pipeline";

describe("time to hire against the 90-120 day norm", () => {
  it("is under before day 90, within from 90 to 120 inclusive, past after", () => {
    expect([0, 89, 90, 105, 120, 121, 400].map(timeToHireNorm)).toEqual(["under", "under", "within", "within", "within", "past", "past"]);
  });
});

describe("moves", () => {
  it("needs a reason to reject", () => {
    expect(checkMove({ from: "screening", to: "rejected", rejectionReason: null })?.field).toBe("rejectionReason");
    expect(checkMove({ from: "screening", to: "rejected", rejectionReason: "Weak evals evidence" })).toBeNull();
    expect(checkMove({ from: "final", to: "final", rejectionReason: null })).toEqual({ field: "toStage", message: "Already in Final" });
  });
});
