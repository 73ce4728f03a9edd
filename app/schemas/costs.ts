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
