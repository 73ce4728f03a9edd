import { describe, expect, it } from "vitest";
import { calibrate, leniencyCall, median, outcomeOf, type CalibrationCard } from "./calibration";

type Card = CalibrationCard & { ratings: number[] };
const card = (
  interviewerId: number,
  applicationId: number,
  ratings: number[],
  recommendation: CalibrationCard["recommendation"],
  extra: Partial<CalibrationCard> = {},
): Card => ({
  interviewerId,
  applicationId,
  ratings,
  ratingSum: ratings.reduce((a, b) => a + b, 0),
  ratingCount: ratings.length,
  recommendation,
  notAssessed: 0,
  hoursToSubmit: 10,
  ...extra,
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
  const outcomes = new Map([
    [1, outcomeOf("hired")],
    [2, outcomeOf("rejected")],
    [3, outcomeOf("interviewing")],
  ]);
  const [a, b] = calibrate(cards, outcomes);

  it("measures leniency against the co-panel on the same applications", () => {
    // A on shared apps: (4+4+3)/3 = 3.67; B on those: (2+3+1+1)/4 = 1.75; leniency 1.92.
    expect(a).toMatchObject({
      interviewerId: 1,
      scorecards: 3,
      sharedAverage: 3.67,
      coPanelAverage: 1.75,
      leniency: 1.92,
    });
    // A's average over everything they gave: (4+4+3+2+2)/5 = 3.
    expect(a.averageGiven).toBe(3);
    // B: 1.75 against A's 3.67 = -1.92 (severe).
    expect(b).toMatchObject({ interviewerId: 2, sharedAverage: 1.75, leniency: -1.92, coPanelAverage: 3.67 });
    // Both rest on the two applications they shared: too few to call anyone lenient or severe.
    expect([a.sharedApplications, b.sharedApplications]).toEqual([2, 2]);
    expect(leniencyCall(a)).toBe("too few");
  });

  it("calls leniency only past ±0.5 and on at least three shared applications", () => {
    expect(leniencyCall({ leniency: 0.6, sharedApplications: 3 })).toBe("lenient");
    expect(leniencyCall({ leniency: -0.51, sharedApplications: 10 })).toBe("severe");
    expect(leniencyCall({ leniency: 0.5, sharedApplications: 10 })).toBe("in line");
    expect(leniencyCall({ leniency: 1.9, sharedApplications: 2 })).toBe("too few");
    expect(leniencyCall({ leniency: null, sharedApplications: 0 })).toBeNull();
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

describe("calibrate at volume", () => {
  // The plain reading of the rules, one pass over every card per interviewer and application:
  // the grouped implementation must give exactly the same figures.
  function reference(cards: Card[], _outcomes: Map<number, ReturnType<typeof outcomeOf>>) {
    return [...new Set(cards.map((c) => c.interviewerId))].map((id) => {
      const mine = cards.filter((c) => c.interviewerId === id);
      const given: number[] = [];
      const others: number[] = [];
      for (const appId of new Set(mine.map((c) => c.applicationId))) {
        const myRatings = mine.filter((c) => c.applicationId === appId).flatMap((c) => c.ratings);
        const theirRatings = cards
          .filter((c) => c.applicationId === appId && c.interviewerId !== id)
          .flatMap((c) => c.ratings);
        if (myRatings.length && theirRatings.length) {
          given.push(...myRatings);
          others.push(...theirRatings);
        }
      }
      const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);
      const r2 = (n: number | null) => (n === null ? null : Math.round(n * 100) / 100);
      const shared = r2(mean(given));
      const coPanel = r2(mean(others));
      return {
        interviewerId: id,
        scorecards: mine.length,
        averageGiven: r2(mean(mine.flatMap((c) => c.ratings))),
        sharedAverage: shared,
        coPanelAverage: coPanel,
        leniency: shared !== null && coPanel !== null ? r2(shared - coPanel) : null,
      };
    });
  }

  it("matches the plain reading on random panels", () => {
    let seed = 11;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const recs: CalibrationCard["recommendation"][] = ["strong_no", "no", "yes", "strong_yes", "no_decision"];
    for (let round = 0; round < 5; round++) {
      const cards = Array.from({ length: 400 }, () =>
        card(
          1 + Math.floor(rand() * 8),
          1 + Math.floor(rand() * 60),
          Array.from({ length: Math.floor(rand() * 4) }, () => 1 + Math.floor(rand() * 4)),
          recs[Math.floor(rand() * 5)],
        ),
      );
      const outcomes = new Map(
        Array.from({ length: 60 }, (_, i) => [i + 1, outcomeOf(["hired", "rejected", "interviewing"][i % 3])] as const),
      );
      const fast = calibrate(cards, outcomes);
      expect(
        fast.map(({ interviewerId, scorecards, averageGiven, sharedAverage, coPanelAverage, leniency }) => ({
          interviewerId,
          scorecards,
          averageGiven,
          sharedAverage,
          coPanelAverage,
          leniency,
        })),
      ).toEqual(reference(cards, outcomes));
      // The leniency shown is the difference of the two averages shown.
      for (const r of fast)
        if (r.leniency !== null) expect(r.leniency).toBeCloseTo(r.sharedAverage! - r.coPanelAverage!, 10);
    }
  });
});
