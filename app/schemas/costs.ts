import { z } from "zod";
import type { CostAssumptions } from "~/domain/cost";
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

/** An agency bidding as a team quotes a price; the cost model uses it as the bid's first-year cost. */
export const agencyQuoteSchema = z.object({
  intent: z.literal("quote"),
  applicationId: z.string().regex(/^\d+$/, "Unknown bid").transform(Number),
  quoteAmount: z
    .string()
    .trim()
    .min(1, "Enter the agency's quoted price")
    .pipe(wholeNumber("Quoted price", 1, 50_000_000)),
  version: z.coerce.number().int().min(1),
});
