import { describe, expect, it } from "vitest";
import { costSubjectFor, defaultCostAssumptions as a, coversText, firstYearCost, notLikeForLike } from "./cost";

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
