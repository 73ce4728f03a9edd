import { describe, expect, it } from "vitest";
import { allGradersSubmitted, identityHidden, isLate, takeHomeResult, type Grade } from "./take-home";

const grade = (overrides: Partial<Grade>): Grade => ({
  diagnosis: 3, evalPlan: 3, architecture: 3, monitoring: 3, costControl: 3, notBuilding: 3,
  outcomesReached: 8, costCeilingRespected: true, securityRespected: true, hoursReported: 5, ...overrides,
});

describe("take-home rules", () => {
  it("is late only after the end of the due day, or of the extension", () => {
    expect(isLate({ dueOn: "2026-11-20", extendedTo: null, submittedAt: new Date("2026-11-20T23:00:00Z") })).toBe(false);
    expect(isLate({ dueOn: "2026-11-20", extendedTo: null, submittedAt: new Date("2026-11-21T00:30:00Z") })).toBe(true);
    expect(isLate({ dueOn: "2026-11-20", extendedTo: "2026-11-23", submittedAt: new Date("2026-11-22T09:00:00Z") })).toBe(false);
  });

  it("reveals identity only when every assigned grader has submitted", () => {
    expect(allGradersSubmitted([1, 2], [1])).toBe(false);
    expect(allGradersSubmitted([1, 2], [2, 1])).toBe(true);
    expect(allGradersSubmitted([], [])).toBe(false);
    expect(identityHidden({ anonymous: true, revealedAt: null })).toBe(true);
    expect(identityHidden({ anonymous: true, revealedAt: new Date() })).toBe(false);
    expect(identityHidden({ anonymous: false, revealedAt: null })).toBe(false);
  });

  it("combines graders: averages per deliverable, and a constraint counts as respected only if every grader says so", () => {
    const r = takeHomeResult([grade({ diagnosis: 4, outcomesReached: 9 }), grade({ diagnosis: 2, outcomesReached: 6, securityRespected: false, notBuilding: null })]);
    expect(r.perDeliverable.find((d) => d.key === "diagnosis")!.average).toBe(3);
    expect(r.perDeliverable.find((d) => d.key === "notBuilding")!.average).toBe(3);
    expect(r.overall).toBe(3);
    expect(r.outcomesReached).toBe(7.5);
    expect(r.costCeilingRespected).toBe(true);
    expect(r.securityRespected).toBe(false);
  });
});
