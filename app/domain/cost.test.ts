import { describe, expect, it } from "vitest";
import {
  costSubjectFor,
  defaultCostAssumptions as a,
  coversText,
  firstYearCost,
  notLikeForLike,
  quoteSubjectFor,
} from "./cost";

describe("first-year cost", () => {
  it("adds up a full-time hire by DOMAIN's formula and shows each line", () => {
    const est = firstYearCost({ kind: "hire", annualSalary: 200_000 }, a);
    expect(est.lines.map((l) => [l.label, l.amount])).toEqual([
      ["Base salary", 200_000],
      ["Benefits, payroll, equipment", 50_000],
      ["Recruiting and sourcing", 20_000],
      ["Interview and onboarding time", 4_800],
      ["Cloud, model and tooling", 12_000],
      ["Ramp-up delay", 25_000],
      ["Wrong-role risk", 20_000],
    ]);
    expect(est.total).toBe(331_800);
  });

  it("prices a freelancer with a 30% overrun and a contractor with 10%", () => {
    expect(firstYearCost({ kind: "freelancer", hourlyRate: 80 }, a).total).toBe(80 * 1000 * 1.3 + 4_800);
    expect(firstYearCost({ kind: "contractor", hourlyRate: 150 }, a).total).toBe(150 * 1000 * 1.1 + 4_800);
  });

  it("takes an agency's quote as it is, and says what is missing", () => {
    expect(firstYearCost({ kind: "quote", amount: 85_000 }, a)).toMatchObject({ total: 85_000 });
    expect(firstYearCost({ kind: "quote", amount: null }, a)).toMatchObject({
      total: null,
      missing: "No quote recorded",
    });
    expect(firstYearCost({ kind: "hire", annualSalary: null }, a).missing).toBe("No expected salary recorded");
  });

  it("says what each figure covers, since a hire, contract hours and a quote are not the same work", () => {
    expect(firstYearCost({ kind: "hire", annualSalary: 200_000 }, a).covers).toBe("year");
    expect(firstYearCost({ kind: "contractor", hourlyRate: 150 }, a).covers).toBe("hours");
    expect(firstYearCost({ kind: "freelancer", hourlyRate: 80 }, a).covers).toBe("hours");
    expect(firstYearCost({ kind: "quote", amount: 85_000 }, a).covers).toBe("quote");
    expect(firstYearCost({ kind: "quote", amount: null }, a).covers).toBeNull();
    expect(firstYearCost({ kind: "contractor", hourlyRate: null }, a).covers).toBeNull();
    expect(coversText("year", 1_000)).toBe("a full year, with overheads");
    expect(coversText("hours", 1_000)).toBe("1,000 h of work (about 6 months full time)");
    expect(coversText("hours", 2_000)).toBe("2,000 h of work (about 12 months full time)");
    expect(coversText("hours", 160)).toBe("160 h of work (about a month full time)");
    expect(coversText("hours", 40)).toBe("40 h of work (under a month full time)");
    expect(coversText("hours", 1_000, "short")).toBe("1,000 h");
    expect(coversText("quote", 1_000, "short")).toBe("quote");
  });

  it("puts an hourly figure on a full working year with the same overrun and team time, beside a hire's year", () => {
    expect(firstYearCost({ kind: "contractor", hourlyRate: 150 }, a).fullYear).toBe(150 * 2_000 * 1.1 + 4_800);
    expect(firstYearCost({ kind: "freelancer", hourlyRate: 80 }, { ...a, expectedHours: 400 }).fullYear).toBe(
      80 * 2_000 * 1.3 + 4_800,
    );
    expect(firstYearCost({ kind: "hire", annualSalary: 200_000 }, a).fullYear).toBe(331_800);
    expect(firstYearCost({ kind: "quote", amount: 85_000 }, a).fullYear).toBeNull();
  });

  it("says when figures side by side cover different work", () => {
    expect(notLikeForLike(["year", "year", null], 1_000)).toBeNull();
    expect(notLikeForLike(["quote"], 1_000)).toBeNull();
    expect(notLikeForLike(["hours", "year", "hours", "quote"], 1_000)).toEqual({
      text: "Not like for like: a hire is costed for a full year, a contractor or freelancer for the role's 1,000 h of work (about 6 months full time), an agency for the scope it quoted. Beyond pay, a hire's figure adds recruiting, tooling, ramp-up and wrong-role risk, an hourly figure adds its overrun, both add the team's interview time, a quote is the quote alone.",
      hoursDiffer: true,
    });
    expect(notLikeForLike(["quote", "hours"], 400)).toEqual({
      text: "Not like for like: a contractor or freelancer is costed for the role's 400 h of work (about 2 months full time), an agency for the scope it quoted. Beyond pay, an hourly figure adds its overrun and the team's interview time, a quote is the quote alone.",
      hoursDiffer: false,
    });
  });

  it("takes contract hours of a full working year as a hire's period", () => {
    // The same period: nothing left to say, and nothing to change.
    expect(notLikeForLike(["year", "hours"], 2_000)).toBeNull();
    // A quote still differs; the hours need no change.
    expect(notLikeForLike(["year", "hours", "quote"], 2_000)).toEqual({
      text: "Not like for like: a hire and a contractor or freelancer are costed for a full year, an agency for the scope it quoted. Beyond pay, a hire's figure adds recruiting, tooling, ramp-up and wrong-role risk, an hourly figure adds its overrun, both add the team's interview time, a quote is the quote alone.",
      hoursDiffer: false,
    });
  });

  it("follows the role's own assumptions", () => {
    expect(
      firstYearCost({ kind: "freelancer", hourlyRate: 100 }, { ...a, expectedHours: 400, freelancerOverrunPct: 37.5 })
        .lines[1].amount,
    ).toBe(15_000);
  });

  it("maps engagement types and stated pay to a cost subject", () => {
    expect(
      costSubjectFor({
        engagementType: "full_time",
        payKind: "annual",
        payAmount: 180_000,
        payCurrency: "USD",
        roleCurrency: "USD",
      }),
    ).toEqual({ kind: "hire", annualSalary: 180_000 });
    expect(
      costSubjectFor({
        engagementType: "agency_placed",
        payKind: "hourly",
        payAmount: 140,
        payCurrency: "USD",
        roleCurrency: "USD",
      }),
    ).toEqual({ kind: "contractor", hourlyRate: 140 });
    expect(
      costSubjectFor({
        engagementType: "freelancer",
        payKind: "hourly",
        payAmount: 60,
        payCurrency: "USD",
        roleCurrency: "USD",
      }),
    ).toEqual({ kind: "freelancer", hourlyRate: 60 });
    expect(
      costSubjectFor({
        engagementType: "contractor",
        payKind: "fixed",
        payAmount: 50_000,
        payCurrency: "USD",
        roleCurrency: "USD",
      }),
    ).toEqual({ kind: "quote", amount: 50_000 });
    expect(
      costSubjectFor({
        engagementType: "agency_bid",
        payKind: null,
        payAmount: null,
        payCurrency: "USD",
        roleCurrency: "USD",
      }),
    ).toEqual({ kind: "quote", amount: null });
  });

  it("leaves pay in another currency unpriced, with the reason, instead of costing it as the role's", () => {
    const subject = costSubjectFor({
      engagementType: "full_time",
      payKind: "annual",
      payAmount: 150_000,
      payCurrency: "INR",
      roleCurrency: "USD",
    });
    expect(subject).toEqual({ kind: "unpriced", reason: "Pay is in INR, the role's budget in USD" });
    expect(firstYearCost(subject, a)).toEqual({
      total: null,
      lines: [],
      missing: "Pay is in INR, the role's budget in USD",
      covers: null,
      fullYear: null,
    });
    // No pay recorded is "no salary", whatever the currency field says.
    expect(
      costSubjectFor({
        engagementType: "full_time",
        payKind: null,
        payAmount: null,
        payCurrency: "INR",
        roleCurrency: "USD",
      }),
    ).toEqual({ kind: "hire", annualSalary: null });
  });

  it("turns an annual figure into an hourly rate without rounding the rate first", () => {
    const subject = costSubjectFor({
      engagementType: "contractor",
      payKind: "annual",
      payAmount: 150_999,
      payCurrency: "USD",
      roleCurrency: "USD",
    });
    expect(subject).toEqual({ kind: "contractor", hourlyRate: 75.4995 });
    // 75.4995 × 1,000 h = 75,499.5, not 75 × 1,000.
    expect(firstYearCost(subject, { ...a, expectedHours: 1_000 }).lines[0]).toEqual({
      label: "Rate × expected hours",
      amount: 75_500,
      basis: "75.5/h × 1000 h",
    });
  });
});

describe("agency markup and quotes", () => {
  it("adds the placing agency's markup to a contractor's rate, overrun included, and says so", () => {
    const est = firstYearCost(
      { kind: "contractor", hourlyRate: 100, markup: { agency: "Meridian", percent: 18 } },
      { ...a, expectedHours: 1_000 },
    );
    expect(est.lines.map((l) => [l.label, l.amount, l.basis])).toEqual([
      ["Rate × expected hours", 100_000, "100/h × 1000 h"],
      ["Agency markup", 18_000, "18% on the rate, Meridian"],
      ["Overrun allowance", 11_800, "10% for a contractor"],
      ["Interview and onboarding time", 4_800, "40 h × 120/h"],
    ]);
    expect(est.total).toBe(100_000 + 18_000 + 11_800 + 4_800);
    expect(est.pricedAs).toBe("rate + 18% agency markup");
    expect(est.fullYear).toBe(Math.round(100 * 1.18 * 2_000 * 1.1) + 4_800);
    // The same person hired directly costs the rate alone, and says nothing about an agency.
    const direct = firstYearCost({ kind: "contractor", hourlyRate: 100 }, { ...a, expectedHours: 1_000 });
    expect(direct.total).toBe(114_800);
    expect(direct.pricedAs).toBeUndefined();
  });

  it("says when an agency-placed person is costed at the rate alone, and why", () => {
    expect(
      firstYearCost({ kind: "freelancer", hourlyRate: 50, markup: { agency: "QuickBench", percent: null } }, a)
        .pricedAs,
    ).toBe("rate alone: QuickBench's markup is not on file");
    const subject = costSubjectFor({
      engagementType: "agency_placed",
      payKind: "hourly",
      payAmount: 140,
      payCurrency: "USD",
      roleCurrency: "USD",
      placedBy: null,
    });
    expect(subject).toEqual({ kind: "contractor", hourlyRate: 140, markup: { agency: null, percent: null } });
    expect(firstYearCost(subject, a).pricedAs).toBe("rate alone: agency-placed, but no placing agency is recorded");
    expect(firstYearCost(subject, a).total).toBe(158_800);
  });

  it("carries the placing agency into the subject for contractors and freelancers, not for a hire", () => {
    const placedBy = { agency: "Meridian", markupPercent: 22 };
    const base = { payKind: "hourly" as const, payAmount: 120, payCurrency: "USD", roleCurrency: "USD", placedBy };
    expect(costSubjectFor({ ...base, engagementType: "contractor" })).toEqual({
      kind: "contractor",
      hourlyRate: 120,
      markup: { agency: "Meridian", percent: 22 },
    });
    expect(costSubjectFor({ ...base, engagementType: "freelancer" })).toMatchObject({
      markup: { agency: "Meridian", percent: 22 },
    });
    expect(costSubjectFor({ ...base, engagementType: "full_time", payKind: "annual", payAmount: 200_000 })).toEqual({
      kind: "hire",
      annualSalary: 200_000,
    });
    expect(costSubjectFor({ ...base, engagementType: "contractor", placedBy: null })).toEqual({
      kind: "contractor",
      hourlyRate: 120,
    });
  });

  it("reads a quote with its team and weeks as a rate per person-hour, and leaves another currency unpriced", () => {
    const est = firstYearCost({ kind: "quote", amount: 168_000, teamSize: 3, weeks: 12 }, a);
    expect(est).toMatchObject({ total: 168_000, covers: "quote", fullYear: null });
    expect(est.lines).toEqual([{ label: "Quoted price", amount: 168_000, basis: "their quote: 3 people × 12 weeks" }]);
    // 168,000 / (3 × 12 × 40 h) = 116.67
    expect(est.pricedAs).toBe("quote for 3 people over 12 weeks, about 117/h a person at 40 h a week");
    expect(firstYearCost({ kind: "quote", amount: 90_000, weeks: 8 }, a).pricedAs).toBe("quote for 8 weeks");
    expect(firstYearCost({ kind: "quote", amount: 90_000, teamSize: 2 }, a).pricedAs).toBe("quote for a team of 2");
    expect(firstYearCost({ kind: "quote", amount: 90_000 }, a).pricedAs).toBeUndefined();
    const quote = { amount: 200_000, teamSize: 3, weeks: 10, roleCurrency: "USD" };
    expect(quoteSubjectFor({ ...quote, currency: "EUR" })).toEqual({
      kind: "unpriced",
      reason: "Quote is in EUR, the role's budget in USD",
    });
    expect(quoteSubjectFor({ ...quote, currency: "USD" })).toEqual({
      kind: "quote",
      amount: 200_000,
      teamSize: 3,
      weeks: 10,
    });
    expect(quoteSubjectFor({ ...quote, currency: null })).toMatchObject({ kind: "quote", amount: 200_000 });
    expect(quoteSubjectFor({ ...quote, amount: null, currency: "EUR" })).toMatchObject({ kind: "quote", amount: null });
  });
});
