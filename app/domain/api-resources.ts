// The read-only API's resources, as zod schemas: what every /api/v1 answer
// holds, field by field. The OpenAPI description (app/domain/api-openapi.ts) is
// written from these, and tests parse real answers with them, so the
// description, the code and the answers cannot drift apart.
//
// Conventions: snake_case names, times as ISO 8601 in UTC, days as YYYY-MM-DD,
// ids as integers, lists as { data, next } where `next` is the link to the
// following page (null on the last). Pay appears only for keys holding the
// `pay` scope; with it the `pay`/`budget` members are present (null when none).
import { z } from "zod/v4";
import { decisionOutcomes } from "./decision";
import { checkStatuses, checkTypes } from "./compliance";
import { stages } from "./pipeline";
import { budgetKinds, engagementModels, offerRecordStatuses, payKinds, roleStatuses } from "./reference";
import { recommendations } from "./scorecard";

const id = z.int().positive();
const time = z.iso.datetime().describe("ISO 8601 time in UTC");
const day = z.iso.date().describe("a day, YYYY-MM-DD");
const money = z.object({
  kind: z.enum(payKinds),
  amount: z.int(),
  currency: z.string(),
});

export const apiBudget = z
  .object({
    kind: z.enum(budgetKinds).nullable(),
    min: z.int().nullable(),
    max: z.int().nullable(),
    currency: z.string(),
  })
  .describe("Only for keys with the pay scope");

export const apiRole = z.object({
  id,
  title: z.string(),
  team: z.string(),
  location: z.string(),
  headcount: z.int(),
  status: z.enum(roleStatuses),
  engagement_models: z.array(z.enum(engagementModels)),
  target_start: day.nullable(),
  closed_at: time.nullable(),
  created_at: time,
  updated_at: time,
  budget: apiBudget.optional(),
});

export const apiApplicationPay = z
  .object({
    candidate_expected_pay: money.nullable().describe("What the candidate asked for"),
    offer: money
      .extend({ status: z.enum(offerRecordStatuses), start_date: day })
      .nullable()
      .describe("The offer in play (not withdrawn)"),
    quote: z
      .object({ amount: z.int(), currency: z.string() })
      .nullable()
      .describe("An agency's quoted price for the work"),
  })
  .describe("Only for keys with the pay scope");

export const apiApplication = z.object({
  id,
  role_id: id,
  role_title: z.string(),
  candidate: z
    .object({
      id,
      name: z.string().nullable().describe("Null once the candidate was erased"),
      erased: z.boolean(),
    })
    .nullable()
    .describe("The person applying; null for an agency bidding as a team"),
  agency: z.object({ id, name: z.string() }).nullable().describe("An agency bidding as a team"),
  stage: z.enum(stages),
  stage_changed_at: time,
  decision: z
    .object({ outcome: z.enum(decisionOutcomes), stage: z.string(), decided_at: time })
    .nullable()
    .describe("The latest decision recorded on the application"),
  created_at: time,
  updated_at: time,
  pay: apiApplicationPay.optional(),
});

export const apiScorecardSummary = z.object({
  application_id: id,
  submitted_scorecards: z.int().nonnegative(),
  recommendations: z.object(Object.fromEntries(recommendations.map((r) => [r, z.int().nonnegative()]))) as z.ZodType<
    Record<(typeof recommendations)[number], number>
  >,
  weighted_total: z
    .number()
    .nullable()
    .describe("The weighted total over the areas' averages, as the role's rollup computes it (1-4; null until rated)"),
  areas: z.array(z.object({ key: z.string(), name: z.string(), weight: z.number(), average: z.number().nullable() })),
  template_versions: z.array(z.int()),
});

export const apiCheck = z.object({
  id,
  type: z.enum(checkTypes),
  level: z.enum(["candidate", "agency", "application"]).describe("Whom the check belongs to"),
  status: z.enum(checkStatuses),
  required: z.boolean().describe("Whether the application's role requires it before an offer"),
  requested_at: day.nullable(),
  expires_at: day.nullable(),
  verified_at: time.nullable(),
  updated_at: time,
});

export const apiChecks = z.object({ application_id: id, checks: z.array(apiCheck) });

/** A check in the company-wide list: whose it is by id (exactly one of the three), its status and dates. */
export const apiCheckRecord = apiCheck.omit({ required: true }).extend({
  candidate_id: id.nullable(),
  agency_id: id.nullable(),
  application_id: id.nullable(),
});

export const apiError = z.object({ error: z.string(), message: z.string() });

export function apiList<T extends z.ZodType>(item: T) {
  return z.object({ data: z.array(item), next: z.string().nullable().describe("The next page's path, or null") });
}

export const apiRoleList = apiList(apiRole);
export const apiApplicationList = apiList(apiApplication);
export const apiCheckList = apiList(apiCheckRecord);

export type ApiRole = z.infer<typeof apiRole>;
export type ApiApplication = z.infer<typeof apiApplication>;
export type ApiScorecardSummary = z.infer<typeof apiScorecardSummary>;
export type ApiCheck = z.infer<typeof apiCheck>;
export type ApiCheckRecord = z.infer<typeof apiCheckRecord>;
