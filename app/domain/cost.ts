// First-year cost of each option, from DOMAIN.md's formula. Pure: the role's
// assumptions come in, figures, the arithmetic behind them, and what the figure
// covers go out.

export type CostAssumptions = {
  /** Benefits, payroll taxes and equipment, as a share of salary. */
  overheadPct: number;
  /** Recruiting or sourcing cost of a hire (fees, ads, sourcing tools). */
  recruitingCost: number;
  /** Hours of interviewing and onboarding the team spends on a hire, and what an hour of their time costs. */
  teamHours: number;
  teamHourlyCost: number;
  /** Cloud, model and tooling spend for the person in year one. */
  toolingCost: number;
  /** Months until a new hire is fully productive; half their cost in that time is counted as delay. */
  rampMonths: number;
  /** Chance the hire turns out to be the wrong role, times the cost of replacing them (a share of salary). */
  wrongRoleRiskPct: number;
  /** Hours of work expected from a contractor or freelancer in year one. */
  expectedHours: number;
  /** Overrun allowance on hours, by engagement model. */
  contractorOverrunPct: number;
  freelancerOverrunPct: number;
};

export const defaultCostAssumptions: CostAssumptions = {
  overheadPct: 25,
  recruitingCost: 20_000,
  teamHours: 40,
  teamHourlyCost: 120,
  toolingCost: 12_000,
  rampMonths: 3,
  wrongRoleRiskPct: 10,
  expectedHours: 1_000,
  contractorOverrunPct: 10,
  // Freelance work often overruns by about 30% through rework (400 hours became 550).
  freelancerOverrunPct: 30,
};

/**
 * The agency that placed a contractor or freelancer, and the markup it adds to their rate. `agency` is null when
 * the person is agency-placed but no placing agency is recorded; `percent` null when its markup is not on file.
 */
export type Markup = { agency: string | null; percent: number | null };

export type CostSubject =
  | { kind: "hire"; annualSalary: number | null }
  | { kind: "contractor" | "freelancer"; hourlyRate: number | null; markup?: Markup }
  /** An agency's quote for the work, with the team and the weeks it covers when the bid says so. */
  | { kind: "quote"; amount: number | null; teamSize?: number | null; weeks?: number | null }
  /** Pay we cannot put in the role's currency: no estimate, and the reason shown instead. */
  | { kind: "unpriced"; reason: string };

export type CostLine = { label: string; amount: number; basis: string };
/**
 * `covers` says what the figure pays for, because the options are not costed
 * over the same work: a hire for a full year, a contractor or freelancer for
 * the role's expected hours, an agency for the scope it quoted.
 */
export type CostCovers = "year" | "hours" | "quote";
/**
 * `fullYear` is what the option would cost over a working year of hours
 * (WORK_HOURS_PER_YEAR) with the same overrun and team time, so an hourly figure
 * can be read beside a hire's year; the hire's own total for a hire, and null
 * for a quote, whose scope we do not know.
 */
export type CostEstimate = {
  total: number | null;
  lines: CostLine[];
  missing: string | null;
  covers: CostCovers | null;
  fullYear: number | null;
  /**
   * How the figure was priced, when it is more than the pay alone: "rate + 18% agency markup", or the team and
   * weeks a quote covers. Absent for a direct hire, contractor or freelancer.
   */
  pricedAs?: string;
};

/** Hours in a working week, to read a quote for a team over weeks as a rate per person-hour. */
export const WORK_HOURS_PER_WEEK = 40;

const money = (n: number) => Math.round(n);

export function firstYearCost(subject: CostSubject, a: CostAssumptions): CostEstimate {
  if (subject.kind === "hire") {
    const salary = subject.annualSalary;
    if (salary === null)
      return { total: null, lines: [], missing: "No expected salary recorded", covers: null, fullYear: null };
    const lines: CostLine[] = [
      { label: "Base salary", amount: salary, basis: "expected salary" },
      {
        label: "Benefits, payroll, equipment",
        amount: money((salary * a.overheadPct) / 100),
        basis: `${a.overheadPct}% of salary`,
      },
      { label: "Recruiting and sourcing", amount: a.recruitingCost, basis: "flat" },
      {
        label: "Interview and onboarding time",
        amount: money(a.teamHours * a.teamHourlyCost),
        basis: `${a.teamHours} h × ${a.teamHourlyCost}/h`,
      },
      { label: "Cloud, model and tooling", amount: a.toolingCost, basis: "flat" },
      {
        label: "Ramp-up delay",
        amount: money(((salary / 12) * a.rampMonths) / 2),
        basis: `half of ${a.rampMonths} months' salary`,
      },
      {
        label: "Wrong-role risk",
        amount: money((salary * a.wrongRoleRiskPct) / 100),
        basis: `${a.wrongRoleRiskPct}% of salary`,
      },
    ];
    const total = lines.reduce((n, l) => n + l.amount, 0);
    return { total, lines, missing: null, covers: "year", fullYear: total };
  }
  if (subject.kind === "unpriced")
    return { total: null, lines: [], missing: subject.reason, covers: null, fullYear: null };
  if (subject.kind === "quote") return quoteCost(subject);
  return hourlyCost(subject, a);
}

/** An agency's quote as it is; its team and weeks say what it buys, and what that comes to per person-hour. */
function quoteCost(subject: Extract<CostSubject, { kind: "quote" }>): CostEstimate {
  if (subject.amount === null)
    return { total: null, lines: [], missing: "No quote recorded", covers: null, fullYear: null };
  const team = subject.teamSize ?? null;
  const weeks = subject.weeks ?? null;
  const people = team === null ? null : team === 1 ? "1 person" : `${team} people`;
  const span = weeks === null ? null : weeks === 1 ? "1 week" : `${weeks} weeks`;
  const estimate: CostEstimate = {
    total: subject.amount,
    lines: [
      {
        label: "Quoted price",
        amount: subject.amount,
        basis: people || span ? `their quote: ${[people, span].filter(Boolean).join(" × ")}` : "their quote",
      },
    ],
    missing: null,
    covers: "quote",
    fullYear: null,
  };
  if (!people && !span) return estimate;
  const perHour =
    team !== null && weeks !== null ? Math.round(subject.amount / (team * weeks * WORK_HOURS_PER_WEEK)) : null;
  const what = people && span ? `${people} over ${span}` : people ? `a team of ${team}` : `${span}`;
  const rate = perHour !== null ? `, about ${perHour}/h a person at ${WORK_HOURS_PER_WEEK} h a week` : "";
  return { ...estimate, pricedAs: `quote for ${what}${rate}` };
}

/** A contractor or freelancer: rate × the role's hours, plus the placing agency's markup, the overrun and team time. */
function hourlyCost(subject: Extract<CostSubject, { kind: "contractor" | "freelancer" }>, a: CostAssumptions) {
  const rate = subject.hourlyRate;
  if (rate === null)
    return { total: null, lines: [], missing: "No hourly rate recorded", covers: null, fullYear: null } as CostEstimate;
  const overrun = subject.kind === "freelancer" ? a.freelancerOverrunPct : a.contractorOverrunPct;
  const markupPct = subject.markup?.percent ?? 0;
  const base = rate * a.expectedHours;
  // The agency bills the rate plus its markup for every hour, the overrun's included.
  const billed = base * (1 + markupPct / 100);
  const lines: CostLine[] = [
    {
      label: "Rate × expected hours",
      amount: money(base),
      basis: `${Math.round(rate * 100) / 100}/h × ${a.expectedHours} h`,
    },
    ...(subject.markup?.percent != null
      ? [
          {
            label: "Agency markup",
            amount: money(billed - base),
            basis: `${markupPct}% on the rate${subject.markup.agency ? `, ${subject.markup.agency}` : ""}`,
          },
        ]
      : []),
    {
      label: "Overrun allowance",
      amount: money((billed * overrun) / 100),
      basis: `${overrun}% for a ${subject.kind}`,
    },
    {
      label: "Interview and onboarding time",
      amount: money(a.teamHours * a.teamHourlyCost),
      basis: `${a.teamHours} h × ${a.teamHourlyCost}/h`,
    },
  ];
  const team = money(a.teamHours * a.teamHourlyCost);
  const fullYear = money(rate * (1 + markupPct / 100) * WORK_HOURS_PER_YEAR * (1 + overrun / 100)) + team;
  const estimate: CostEstimate = {
    total: lines.reduce((n, l) => n + l.amount, 0),
    lines,
    missing: null,
    covers: "hours",
    fullYear,
  };
  const pricedAs = markupText(subject.markup);
  return pricedAs ? { ...estimate, pricedAs } : estimate;
}

/** "rate + 18% agency markup", or why an agency-placed person is costed at their rate alone. */
function markupText(markup: Markup | undefined): string | null {
  if (!markup) return null;
  if (markup.percent !== null) return `rate + ${markup.percent}% agency markup`;
  return markup.agency
    ? `rate alone: ${markup.agency}'s markup is not on file`
    : "rate alone: agency-placed, but no placing agency is recorded";
}

/** What a figure covers, in full ("1,000 h of work (about 6 months full time)") or for a table cell ("1,000 h"). */
export function coversText(covers: CostCovers, expectedHours: number, form: "full" | "short" = "full"): string {
  if (covers === "year") return form === "full" ? "a full year, with overheads" : "full year";
  if (covers === "quote") return form === "full" ? "the scope they quoted" : "quote";
  const hours = `${expectedHours.toLocaleString("en-US")} h`;
  if (form === "short") return hours;
  const months = Math.round((expectedHours / WORK_HOURS_PER_YEAR) * 12);
  const span = months === 0 ? "under a month" : months === 1 ? "about a month" : `about ${months} months`;
  return `${hours} of work (${span} full time)`;
}

/**
 * When figures side by side cover different work, the sentence that says so;
 * null when they are alike. Contract hours of a full working year cost the same
 * period as a hire's year, so those two then compare; `hoursDiffer` says whether
 * changing the role's contract hours would line them up.
 */
export function notLikeForLike(
  covers: (CostCovers | null)[],
  expectedHours: number,
): { text: string; hoursDiffer: boolean } | null {
  const fullYearOfHours = expectedHours === WORK_HOURS_PER_YEAR;
  const present = (["year", "hours", "quote"] as const).filter((k) => covers.includes(k));
  const periods = present.filter((k) => !(fullYearOfHours && k === "hours" && present.includes("year")));
  if (periods.length < 2) return null;
  const merged = fullYearOfHours && present.includes("hours") && present.includes("year");
  const who = {
    year: merged ? "a hire and a contractor or freelancer" : "a hire",
    hours: "a contractor or freelancer",
    quote: "an agency",
  };
  const what = {
    year: "a full year",
    hours: `the role's ${coversText("hours", expectedHours)}`,
    quote: "the scope it quoted",
  };
  const verb = periods[0] === "year" && merged ? "are costed" : "is costed";
  const costed = periods.map((k, i) => `${who[k]}${i === 0 ? ` ${verb}` : ""} for ${what[k]}`).join(", ");
  const [year, hours] = [present.includes("year"), present.includes("hours")];
  const adds = [
    year && hours
      ? "a hire's figure adds recruiting, tooling, ramp-up and wrong-role risk, an hourly figure adds its overrun, both add the team's interview time"
      : null,
    year && !hours
      ? "a hire's figure adds recruiting, tooling, ramp-up, wrong-role risk and the team's interview time"
      : null,
    hours && !year ? "an hourly figure adds its overrun and the team's interview time" : null,
    present.includes("quote") ? "a quote is the quote alone" : null,
  ].filter(Boolean);
  return {
    text: `Not like for like: ${costed}. Beyond pay, ${adds.join(", ")}.`,
    hoursDiffer: year && hours && !fullYearOfHours,
  };
}

/** Hours in a working year, to turn an annual figure into an hourly one and back. */
export const WORK_HOURS_PER_YEAR = 2_000;

/**
 * How a candidate's engagement type and stated pay become a cost subject. Pay
 * stated in another currency than the role's is not converted (we keep no
 * exchange rates): it is left unpriced, with the reason.
 */
export function costSubjectFor(input: {
  engagementType: "full_time" | "contractor" | "freelancer" | "agency_placed" | "agency_bid";
  payKind: "annual" | "hourly" | "fixed" | null;
  payAmount: number | null;
  payCurrency: string;
  roleCurrency: string;
  /**
   * The agency whose submission of this person counts on the role, with its markup; null when they came
   * directly. Left out, nobody is asked about an agency (as before placements were known).
   */
  placedBy?: { agency: string; markupPercent: number | null } | null;
}): CostSubject {
  const { payKind, payAmount } = input;
  if (
    payAmount !== null &&
    payKind !== null &&
    input.engagementType !== "agency_bid" &&
    input.payCurrency !== input.roleCurrency
  ) {
    return { kind: "unpriced", reason: `Pay is in ${input.payCurrency}, the role's budget in ${input.roleCurrency}` };
  }
  if (payKind === "fixed" || input.engagementType === "agency_bid")
    return { kind: "quote", amount: payKind === "fixed" ? payAmount : null };
  if (input.engagementType === "full_time")
    return {
      kind: "hire",
      annualSalary:
        payKind === "annual" ? payAmount : payKind === "hourly" && payAmount ? payAmount * WORK_HOURS_PER_YEAR : null,
    };
  // Kept unrounded: a rounded rate would be off by up to half a unit on every hour.
  const hourly =
    payKind === "hourly" ? payAmount : payKind === "annual" && payAmount ? payAmount / WORK_HOURS_PER_YEAR : null;
  const kind = input.engagementType === "freelancer" ? "freelancer" : "contractor";
  const markup: Markup | null = input.placedBy
    ? { agency: input.placedBy.agency, percent: input.placedBy.markupPercent }
    : input.placedBy === null && input.engagementType === "agency_placed"
      ? { agency: null, percent: null }
      : null;
  return markup ? { kind, hourlyRate: hourly, markup } : { kind, hourlyRate: hourly };
}

/**
 * An agency bid's cost subject: its quote with the team and weeks it covers. A quote in another currency than
 * the role's is not converted (we keep no exchange rates): it is left unpriced, with the reason.
 */
export function quoteSubjectFor(input: {
  amount: number | null;
  currency: string | null;
  teamSize: number | null;
  weeks: number | null;
  roleCurrency: string;
}): CostSubject {
  if (input.amount !== null && input.currency !== null && input.currency !== input.roleCurrency)
    return { kind: "unpriced", reason: `Quote is in ${input.currency}, the role's budget in ${input.roleCurrency}` };
  return { kind: "quote", amount: input.amount, teamSize: input.teamSize, weeks: input.weeks };
}
