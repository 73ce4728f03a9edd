import { z } from "zod";
import { wholeNumber } from "./fields";

export const costAssumptionsSchema = z.object({
  overheadPct: wholeNumber("Overhead", 0, 100),
  recruitingCost: wholeNumber("Recruiting cost", 0, 1_000_000),
  teamHours: wholeNumber("Team hours", 0, 1_000),
  teamHourlyCost: wholeNumber("Cost of an hour of team time", 0, 5_000),
  toolingCost: wholeNumber("Tooling cost", 0, 1_000_000),
  rampMonths: wholeNumber("Ramp-up months", 0, 24),
  wrongRoleRiskPct: wholeNumber("Wrong-role risk", 0, 100),
  expectedHours: wholeNumber("Expected contract hours", 0, 4_000),
  contractorOverrunPct: wholeNumber("Contractor overrun", 0, 200),
  freelancerOverrunPct: wholeNumber("Freelancer overrun", 0, 200),
});

/** An agency bidding as a team quotes a price; the cost model uses it as the bid's first-year cost. */
export const agencyQuoteSchema = z.object({
  intent: z.literal("quote"),
  applicationId: z.string().regex(/^\d+$/, "Unknown bid").transform(Number),
  quoteAmount: z.string().trim().min(1, "Enter the agency's quoted price").pipe(wholeNumber("Quoted price", 1, 50_000_000)),
  version: z.coerce.number().int().min(1),
});
