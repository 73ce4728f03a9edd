// The role form: details, budget, hiring team, the brief and the routing
// questions. One schema, used by the browser and the server.
import { z } from "zod";
import { checkTypes, requiredChecksFor } from "~/domain/compliance";
import type { RoutingAnswers } from "~/domain/engagement";
import { budgetKinds, currencies, engagementModels, roleStatuses, type EngagementModel } from "~/domain/reference";
import {
  checkbox,
  idList,
  optionalDate,
  optionalText,
  optionalWholeNumber,
  requiredText,
  wholeNumber,
  yesNoUnanswered,
} from "./fields";

export const roleArrayFields = ["engagementModels", "hiringManagerIds", "interviewerIds", "requiredChecks"] as const;

const expectedWeeks = optionalWholeNumber("Expected weeks", 520).refine((v) => v !== 0, {
  message: "Expected weeks must be at least 1",
});

const sentence = (label: string) => optionalText(label, 300);
const briefField = (label: string) => optionalText(label, 2000);

export const roleFormSchema = z
  .object({
    title: requiredText("Title", 120),
    team: requiredText("Team", 80),
    location: requiredText("Location", 80),
    headcount: wholeNumber("Headcount", 1, 100),
    status: z.enum(roleStatuses, { errorMap: () => ({ message: "Choose a status" }) }),
    targetStart: optionalDate("Target start"),
    engagementModels: z
      .array(z.enum(engagementModels, { errorMap: () => ({ message: "Unknown engagement model" }) }))
      .default([]),
    budgetKind: z
      .enum(["", ...budgetKinds], { errorMap: () => ({ message: "Choose a budget type" }) })
      .optional()
      .transform((v) => (v ? v : null)),
    budgetMin: optionalWholeNumber("Budget minimum", 100_000_000),
    budgetMax: optionalWholeNumber("Budget maximum", 100_000_000),
    currency: z.enum(currencies, { errorMap: () => ({ message: "Choose a currency" }) }),
    hiringManagerIds: idList.refine((ids) => ids.length > 0, { message: "Name at least one hiring manager" }),
    interviewerIds: idList,

    briefSystemDoes: sentence("What the system does"),
    briefUsingData: sentence("Data it uses"),
    briefInsideWorkflow: sentence("Workflow"),
    briefThreshold: sentence("Threshold"),
    briefOwnedBy: sentence("Owner after launch"),
    briefWorkflow: briefField("Workflow or feature"),
    briefSourceSystems: briefField("Source systems"),
    briefApprovalPath: briefField("Approval path"),
    briefSuccessMetric: briefField("Success metric"),
    briefSecurity: briefField("Security requirements"),
    briefLaunchDate: optionalDate("Launch date"),
    briefPostLaunchOwner: briefField("Post-launch owner"),

    qCustomModels: yesNoUnanswered,
    qHostedApis: yesNoUnanswered,
    qDataBlocker: yesNoUnanswered,
    qLongTermOwnership: yesNoUnanswered,
    qBoundedFeature: yesNoUnanswered,
    qInfraAdvantage: yesNoUnanswered,
    qExpectedWeeks: expectedWeeks,
    qInternalOwner: yesNoUnanswered,

    touchesSensitiveData: checkbox,
    requiredChecks: z.array(z.enum(checkTypes, { errorMap: () => ({ message: "Unknown check" }) })).default([]),
  })
  .superRefine((v, ctx) => {
    if ((v.budgetMin !== null || v.budgetMax !== null) && !v.budgetKind) {
      ctx.addIssue({
        code: "custom",
        path: ["budgetKind"],
        message: "Say whether the figures are a salary, an hourly rate or a fixed budget",
      });
    }
    if (v.budgetKind && v.budgetMax === null) {
      ctx.addIssue({ code: "custom", path: ["budgetMax"], message: "Enter the top of the budget" });
    }
    if (v.budgetMax === 0)
      ctx.addIssue({ code: "custom", path: ["budgetMax"], message: "The budget must be above zero" });
    if (v.budgetMin !== null && v.budgetMax !== null && v.budgetMin > v.budgetMax) {
      ctx.addIssue({ code: "custom", path: ["budgetMax"], message: "The maximum must be at least the minimum" });
    }
    const both = v.interviewerIds.filter((id) => v.hiringManagerIds.includes(id));
    if (both.length > 0) {
      ctx.addIssue({
        code: "custom",
        path: ["interviewerIds"],
        message: "Someone is listed as both hiring manager and interviewer; pick one",
      });
    }
  });

export type RoleFormValues = z.output<typeof roleFormSchema>;

/** The stored list always holds the checks every role needs (and those sensitive data needs). */
export function withRequiredChecks(values: RoleFormValues): RoleFormValues {
  return {
    ...values,
    requiredChecks: requiredChecksFor({
      touchesSensitiveData: values.touchesSensitiveData,
      extra: values.requiredChecks,
    }),
  };
}

export const versionSchema = z.coerce.number().int().min(1);

/**
 * What the engagement advice needs out of the role form as it stands, read field by field so that a
 * half-filled form (or one with a typo elsewhere) still gets advice: an unreadable answer counts as unanswered.
 */
export function routingFromForm(values: Record<string, unknown>): {
  answers: RoutingAnswers;
  launchDate: string | null;
  considered: EngagementModel[];
} {
  const read = <T>(schema: z.ZodType<T, z.ZodTypeDef, unknown>, name: string, fallback: T): T => {
    const r = schema.safeParse(values[name]);
    return r.success ? r.data : fallback;
  };
  const yesNo = (name: string) => read(yesNoUnanswered, name, null);
  const ticked = Array.isArray(values.engagementModels) ? values.engagementModels : [];
  return {
    answers: {
      qCustomModels: yesNo("qCustomModels"),
      qHostedApis: yesNo("qHostedApis"),
      qDataBlocker: yesNo("qDataBlocker"),
      qLongTermOwnership: yesNo("qLongTermOwnership"),
      qBoundedFeature: yesNo("qBoundedFeature"),
      qInfraAdvantage: yesNo("qInfraAdvantage"),
      qExpectedWeeks: read(expectedWeeks, "qExpectedWeeks", null),
      qInternalOwner: yesNo("qInternalOwner"),
    },
    launchDate: read(optionalDate("Launch date"), "briefLaunchDate", null),
    considered: engagementModels.filter((m) => ticked.includes(m)),
  };
}
