import { describe, expect, it } from "vitest";
import {
  allGradersSubmitted,
  anonymousGradingConflicts,
  brokenConstraintsText,
  identityHidden,
  isLate,
  takeHomeFactCsv,
  takeHomeFacts,
  takeHomeFactText,
  takeHomeProgress,
  takeHomeResult,
  type Grade,
} from "./take-home";

const grade = (overrides: Partial<Grade>): Grade => ({
  diagnosis: 3,
  evalPlan: 3,
  architecture: 3,
  monitoring: 3,
  costControl: 3,
  notBuilding: 3,
  outcomesReached: 8,
  costCeilingRespected: true,
  securityRespected: true,
  hoursReported: 5,
  ...overrides,
});

describe("take-home rules", () => {
  it("is late only after the end of the due day, or of the extension", () => {
    expect(isLate({ dueOn: "2026-11-20", extendedTo: null, submittedAt: new Date("2026-11-20T23:00:00Z") })).toBe(
      false,
    );
    expect(isLate({ dueOn: "2026-11-20", extendedTo: null, submittedAt: new Date("2026-11-21T00:30:00Z") })).toBe(true);
    expect(
      isLate({ dueOn: "2026-11-20", extendedTo: "2026-11-23", submittedAt: new Date("2026-11-22T09:00:00Z") }),
    ).toBe(false);
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
    const r = takeHomeResult([
      grade({ diagnosis: 4, outcomesReached: 9 }),
      grade({ diagnosis: 2, outcomesReached: 6, securityRespected: false, notBuilding: null }),
    ]);
    expect(r.perDeliverable.find((d) => d.key === "diagnosis")!.average).toBe(3);
    expect(r.perDeliverable.find((d) => d.key === "notBuilding")!.average).toBe(3);
    expect(r.overall).toBe(3);
    expect(r.outcomesReached).toBe(7.5);
    expect(r.costCeilingRespected).toBe(true);
    expect(r.securityRespected).toBe(false);
  });

  it("lists every deliverable, the outcomes, both constraints and the hours in one order, with a broken constraint marked", () => {
    const r = takeHomeResult([
      grade({ diagnosis: 4, hoursReported: 6 }),
      grade({ diagnosis: 3, costCeilingRespected: false, hoursReported: null, outcomesReached: 7 }),
    ]);
    const facts = takeHomeFacts(r);
    expect(facts.map((f) => f.key)).toEqual([
      "diagnosis",
      "evalPlan",
      "architecture",
      "monitoring",
      "costControl",
      "notBuilding",
      "outcomesReached",
      "costCeilingRespected",
      "securityRespected",
      "hoursReported",
    ]);
    const byKey = Object.fromEntries(facts.map((f) => [f.key, f]));
    expect(takeHomeFactText(byKey.diagnosis)).toBe("3.5 / 4");
    expect(takeHomeFactText(byKey.outcomesReached)).toBe("7.5 of 10");
    // One grader of two says the ceiling was broken: the page says so, not a bare "no".
    expect(takeHomeFactText(byKey.costCeilingRespected)).toBe("no (1 of 2 graders)");
    expect(byKey.costCeilingRespected.broken).toBe(true);
    expect(takeHomeFactText(byKey.securityRespected)).toBe("yes");
    expect(byKey.securityRespected.broken).toBe(false);
    // The hours are averaged over the graders who gave them.
    expect(takeHomeFactText(byKey.hoursReported)).toBe("6 h");
    expect(takeHomeFactCsv(byKey.diagnosis)).toEqual({
      label: "Take-home: diagnosis of the failure (of 4)",
      value: 3.5,
    });
    expect(takeHomeFactCsv(byKey.costCeilingRespected)).toEqual({
      label: "Take-home: cost ceiling respected",
      value: "no (1 of 2 graders)",
    });
    expect(takeHomeFactCsv(byKey.hoursReported)).toEqual({ label: "Take-home: hours reported", value: 6 });
  });

  it("says a fact no grader recorded is not recorded, and leaves its CSV cell empty", () => {
    const facts = takeHomeFacts(takeHomeResult([grade({ securityRespected: null, outcomesReached: null })]));
    const security = facts.find((f) => f.key === "securityRespected")!;
    expect(takeHomeFactText(security)).toBe("not recorded");
    expect(security.broken).toBe(false);
    expect(takeHomeFactCsv(facts.find((f) => f.key === "outcomesReached")!)).toEqual({
      label: "Take-home: expected outcomes reached (of 10)",
      value: "",
    });
  });

  it("says where a take-home stands, counting grades once grading is under way", () => {
    expect(takeHomeProgress("assigned", 0, 2)).toBe("Assigned");
    expect(takeHomeProgress("submitted", 0, 2)).toBe("Submitted");
    expect(takeHomeProgress("grading", 1, 2)).toBe("Grading: 1 of 2 grades in");
    expect(takeHomeProgress("graded", 2, 2)).toBe("Graded by 2 graders");
    expect(takeHomeProgress("graded", 1, 1)).toBe("Graded by 1 grader");
    expect(takeHomeProgress("waived", 0, 2)).toBe("Waived");
  });

  it("names the broken constraints in one line with how many graders say so, and nothing when none was", () => {
    expect(brokenConstraintsText(takeHomeResult([grade({}), grade({})]))).toBeNull();
    expect(brokenConstraintsText(takeHomeResult([grade({}), grade({ costCeilingRespected: false })]))).toBe(
      "Broke the cost ceiling (1 of 2 graders)",
    );
    expect(
      brokenConstraintsText(takeHomeResult([grade({ securityRespected: false }), grade({ securityRespected: false })])),
    ).toBe("Broke the security constraint (2 of 2 graders)");
    expect(
      brokenConstraintsText(
        takeHomeResult([grade({ securityRespected: false, costCeilingRespected: false }), grade({})]),
      ),
    ).toBe("Broke both constraints (1 of 2 graders)");
    expect(
      brokenConstraintsText(
        takeHomeResult([
          grade({ securityRespected: false, costCeilingRespected: false }),
          grade({ securityRespected: false }),
        ]),
      ),
    ).toBe("Broke the cost ceiling (1 of 2 graders) and the security constraint (2 of 2 graders)");
    // Not recorded is not broken, and a grader who did not record it is not counted either way.
    expect(brokenConstraintsText(takeHomeResult([grade({ securityRespected: null })]))).toBeNull();
    expect(
      brokenConstraintsText(takeHomeResult([grade({ securityRespected: false }), grade({ securityRespected: null })])),
    ).toBe("Broke the security constraint (1 of 1 grader)");
  });

  it("counts, per constraint, the graders who recorded it and those who say it was broken", () => {
    const r = takeHomeResult([
      grade({ securityRespected: false }),
      grade({ securityRespected: true, costCeilingRespected: null }),
      grade({}),
    ]);
    expect(r.securityVotes).toEqual({ broken: 1, recorded: 3 });
    expect(r.costCeilingVotes).toEqual({ broken: 0, recorded: 2 });
    const security = takeHomeFacts(r).find((f) => f.key === "securityRespected")!;
    expect(takeHomeFactText(security)).toBe("no (1 of 3 graders)");
    expect(security.broken).toBe(true);
  });
});

describe("who cannot grade anonymously", () => {
  it("names each person once, with the most telling way they met or handled the candidate", () => {
    const conflicts = anonymousGradingConflicts([
      { userId: 1, kind: "moved" },
      { userId: 1, kind: "manages" },
      { userId: 2, kind: "checks" },
      { userId: 2, kind: "interviewed" },
      { userId: 3, kind: "added-candidate" },
    ]);
    expect([...conflicts]).toEqual([
      [1, "manages a role this candidate applied to"],
      [2, "interviewed this candidate"],
      [3, "added this candidate"],
    ]);
    expect(anonymousGradingConflicts([]).size).toBe(0);
  });
});
