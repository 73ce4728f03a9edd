import { z } from "zod";
import type { CostAssumptions } from "~/domain/cost";
import { currencies } from "~/domain/reference";
import { wholeNumber } from "./fields";

/** Each assumption's label, unit and range: the form, its hints and the schema's messages all read this. */
export const costAssumptionFields = [
  { key: "overheadPct", label: "Benefits, payroll and equipment", unit: "% of salary", min: 0, max: 100 },
  { key: "recruitingCost", label: "Recruiting or sourcing cost per hire", unit: "money", min: 0, max: 1_000_000 },
  { key: "teamHours", label: "Team hours spent interviewing and onboarding", unit: "hours", min: 0, max: 1_000 },
  { key: "teamHourlyCost", label: "Cost of an hour of team time", unit: "money", min: 0, max: 5_000 },
  { key: "toolingCost", label: "Cloud, model and tooling spend in year one", unit: "money", min: 0, max: 1_000_000 },
  {
    key: "rampMonths",
    label: "Months until fully productive, at half output meanwhile",
    unit: "months",
    min: 0,
    max: 24,
  },
  { key: "wrongRoleRiskPct", label: "Wrong-role risk", unit: "% of salary", min: 0, max: 100 },
  { key: "expectedHours", label: "Expected contract hours in year one", unit: "hours", min: 0, max: 4_000 },
  { key: "contractorOverrunPct", label: "Overrun allowance for contractors", unit: "% of hours", min: 0, max: 200 },
  { key: "freelancerOverrunPct", label: "Overrun allowance for freelancers", unit: "% of hours", min: 0, max: 200 },
] as const satisfies readonly { key: keyof CostAssumptions; label: string; unit: string; min: number; max: number }[];

export const costAssumptionsSchema = z.object(
  Object.fromEntries(costAssumptionFields.map((f) => [f.key, wholeNumber(f.label, f.min, f.max)])) as Record<
    keyof CostAssumptions,
    ReturnType<typeof wholeNumber>
  >,
);

/** "185,000" is 185000: thousands separators and spaces go before the number is read. */
const withoutSeparators = (v: string) => v.replace(/(\d),(?=\d{3}(\D|$))/g, "$1").replace(/[\s_]/g, "");

/** A count that may be left blank: blank is null, anything else a whole number in range. */
const optionalCount = (label: string, min: number, max: number) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? withoutSeparators(v) : undefined))
    .pipe(wholeNumber(label, min, max).optional())
    .transform((v) => v ?? null);

/**
 * An agency bid's quote: the price, its currency, the team it covers (people) and how long (weeks). The same
 * fields on the bid form (where the quote may come later) and on the bid's own page (where the price is asked for).
 */
export const quoteFields = {
  quoteCurrency: z.enum(currencies, { errorMap: () => ({ message: "Choose the quote's currency" }) }),
  quoteTeamSize: optionalCount("Team size", 1, 200),
  quoteWeeks: optionalCount("Duration in weeks", 1, 260),
};
const QUOTED_PRICE = wholeNumber("Quoted price", 1, 50_000_000);

/** The quote when an agency's bid is recorded: all of it may wait, but a team or duration needs its price. */
export const optionalQuoteFields = {
  ...quoteFields,
  quoteAmount: optionalCount("Quoted price", 1, 50_000_000),
  quoteCurrency: quoteFields.quoteCurrency.optional(),
};
export const quoteWithoutPrice = (v: {
  quoteAmount: number | null;
  quoteTeamSize: number | null;
  quoteWeeks: number | null;
}) => v.quoteAmount === null && (v.quoteTeamSize !== null || v.quoteWeeks !== null);
export const QUOTE_WITHOUT_PRICE = "Enter the quoted price for this team and duration, or leave them blank";

/** Recording or changing a bid's quote on its page: the price is asked for; the cost model uses it as the bid's cost. */
export const bidQuoteSchema = z.object({
  intent: z.literal("quote"),
  quoteAmount: z
    .string()
    .trim()
    .min(1, "Enter the agency's quoted price")
    .transform(withoutSeparators)
    .pipe(QUOTED_PRICE),
  ...quoteFields,
  version: z.coerce.number().int().min(1),
});
