import { describe, expect, it } from "vitest";
import { calibrate, median, outcomeOf, type CalibrationCard } from "./calibration";

const card = (interviewerId: number, applicationId: number, ratings: number[], recommendation: CalibrationCard["recommendation"], extra: Partial<CalibrationCard> = {}): CalibrationCard => ({
  interviewerId, applicationId, ratings, recommendation, notAssessed: 0, hoursToSubmit: 10, ...extra,
});

describe("calibrate", () => {
  // Application 1 (hired): A gives 4,4; B gives 2,3. Application 2 (rejected): A gives 3; B gives 1,1. Application 3 (open): only A.
  const cards = [
    card(1, 1, [4, 4], "strong_yes", { hoursToSubmit: 2 }),
    card(2, 1, [2, 3], "no", { hoursToSubmit: 30 }),
    card(1, 2, [3], "yes", { notAssessed: 1, hoursToSubmit: 6 }),
    card(2, 2, [1, 1], "strong_no", { hoursToSubmit: 50 }),
    card(1, 3, [2, 2], "no_decision", { hoursToSubmit: 100 }),
  ];
  const outcomes = new Map([[1, outcomeOf("hired")], [2, outcomeOf("rejected")], [3, outcomeOf("interviewing")]]);
  const [a, b] = calibrate(cards, outcomes);

  it("measures leniency against the co-panel on the same applications", () => {
    // A on shared apps: (4+4+3)/3 = 3.67; B on those: (2+3+1+1)/4 = 1.75; leniency 1.92.
    expect(a).toMatchObject({ interviewerId: 1, scorecards: 3, coPanelAverage: 1.75, leniency: 1.92 });
    // A's average over everything they gave: (4+4+3+2+2)/5 = 3.
    expect(a.averageGiven).toBe(3);
    // B: 1.75 against A's 3.67 = -1.92 (severe).
    expect(b).toMatchObject({ interviewerId: 2, leniency: -1.92, coPanelAverage: 3.67 });
  });

  it("scores agreement with outcomes, leaving out no-decision and open applications", () => {
    // A: strong yes on hired (agree), yes on rejected (disagree) = 0.5 of 2.
    expect(a).toMatchObject({ agreement: 0.5, judged: 2, noDecisionShare: 0.33 });
    // B: no on hired (disagree), strong no on rejected (agree).
    expect(b).toMatchObject({ agreement: 0.5, judged: 2, noDecisionShare: 0 });
  });

  it("reports not-assessed share and median time to submit", () => {
    expect(a.notAssessedShare).toBe(round(1 / 6));
    expect(a.medianHoursToSubmit).toBe(6);
    expect(b.medianHoursToSubmit).toBe(40);
    expect(median([])).toBeNull();
  });
});

function round(n: number) {
  return Math.round(n * 100) / 100;
}
