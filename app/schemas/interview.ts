import { z } from "zod";
import { isSignalOf, recommendations, scorecardSubmissionProblems } from "~/domain/scorecard";
import { currencies } from "~/domain/reference";
import { checkbox, idList, optionalText, optionalUrl, optionalWholeNumber, requiredText, wholeNumber } from "./fields";
import { isIsoDate, notInFuture, notInPast } from "./fields";
import { isTimeZone, zonedLocalToUtc } from "~/domain/dates";

import { interviewKinds, type InterviewKind } from "~/domain/reference";
export { interviewKinds, type InterviewKind };
export const interviewKindLabels: Record<InterviewKind, string> = {
  screen: "Screen",
  technical_deep_dive: "Technical deep dive",
  system_design: "System design",
  take_home_review: "Take-home review",
  agency_vetting_call: "Agency vetting call",
  final: "Final",
};

/** Interview kit prompts worth offering (our wording). */
export const kitPrompts = [
  "Walk me through an AI system you shipped to production: what it did, how you deployed it, and what broke.",
  "Which frameworks have you used heavily in the last 12 months, and what did you stop using and why?",
  "Tell me about hands-on MLOps work: CI/CD for models or prompts, model lifecycle, rollbacks.",
  "How did you handle client data privacy and transfer of IP on a past engagement?",
  "Describe a time feedback forced a pivot. What did you change, and how fast?",
];

/** Governance questions for anyone who will touch production AI. */
export const governanceQuestions = [
  "What data will the system read?",
  "May the model provider train on it?",
  "Which logs are kept, and for how long?",
  "Who can see prompts, outputs, traces and source documents?",
  "How are secrets, keys and customer data protected?",
  "What happens when the system gives a wrong answer?",
  "What is the human review path for high-impact output?",
  "How is a model, prompt or retrieval change rolled back?",
];

const localDateTime = (label: string) =>
  z
    .string({ required_error: `${label} is required` })
    .trim()
    .refine((v) => /^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d$/.test(v) && isIsoDate(v.slice(0, 10)), {
      message: `${label} must be a real date and time`,
    });

export const interviewArrayFields = ["panelIds", "focusAreas", "prompts"] as const;

/**
 * Where a form's wall-clock times are read, and what "now" is. `zone` is the
 * writer's stored zone; without one, `tzOffset` (the browser's offset, sent by
 * the form) stands in. `now` is asked at each parse, so a form left open stays honest.
 */
export type StartContext = { zone: string | null; now?: () => Date };

/** The message beside a start time in the past, until the writer confirms it. */
export const PAST_START_MESSAGE =
  "That start is in the past. Tick the box below to record an interview that already happened.";

/** The label of the `confirmPast` checkbox that lets a past start through. */
export const CONFIRM_PAST_LABEL = "Yes, schedule it in the past (for recording an interview that already happened)";

/**
 * The fields of an interview's start, for the scheduling form and any form that
 * moves an interview: the wall-clock start, its length, the browser's offset
 * (used only when the writer has no zone) and the past-start confirmation.
 */
export const interviewStartFields = {
  startsAt: localDateTime("Start"),
  durationMinutes: wholeNumber("Length in minutes", 15, 480),
  /** Minutes east of UTC in the writer's browser: read only when the writer has no stored zone. */
  tzOffset: z.coerce.number().int().min(-840).max(840).default(0),
  confirmPast: checkbox,
};

/** The moment a wall-clock start means: in the writer's zone, else at the browser's offset. */
export function interviewStartMoment(local: string, context: { zone: string | null; tzOffset: number }): Date {
  if (context.zone && isTimeZone(context.zone)) return zonedLocalToUtc(local, context.zone);
  return new Date(Date.parse(`${local}:00Z`) - context.tzOffset * 60_000);
}

/**
 * The past-start rule, for a superRefine over `interviewStartFields`: a start
 * before now is refused beside the start field unless `confirmPast` is ticked.
 */
export function refinePastStart(
  value: { startsAt: string; tzOffset: number; confirmPast: boolean },
  ctx: z.RefinementCtx,
  context: StartContext,
): void {
  if (value.confirmPast) return;
  const starts = interviewStartMoment(value.startsAt, { zone: context.zone, tzOffset: value.tzOffset });
  if (starts.getTime() < (context.now ?? (() => new Date()))().getTime())
    ctx.addIssue({ code: "custom", path: ["startsAt"], message: PAST_START_MESSAGE });
}

/** The scheduling form, read in the scheduler's zone (the same factory on both sides). */
export function scheduleSchemaFor(context: StartContext) {
  return z
    .object({
      kind: z.enum(interviewKinds, { errorMap: () => ({ message: "Choose the kind of interview" }) }),
      ...interviewStartFields,
      panelIds: idList.refine((ids) => ids.length > 0, { message: "Choose at least one interviewer" }),
      focusAreas: z
        .array(z.string().max(60))
        .default([])
        .refine((a) => a.length > 0, { message: "Choose at least one area to assess" }),
      prompts: z.array(z.string().max(500)).default([]),
      customQuestions: z.string().max(4000, "Custom questions must be at most 4000 characters").optional(),
      includeGovernance: checkbox,
    })
    .superRefine((value, ctx) => refinePastStart(value, ctx, context))
    .transform(({ customQuestions, tzOffset, confirmPast: _confirmed, startsAt, durationMinutes, ...rest }) => {
      const starts = interviewStartMoment(startsAt, { zone: context.zone, tzOffset });
      return {
        ...rest,
        startsAt: starts,
        endsAt: new Date(starts.getTime() + durationMinutes * 60_000),
        customQuestions: (customQuestions ?? "")
          .split("\n")
          .map((q) => q.trim())
          .filter(Boolean),
      };
    });
}

/**
 * The scorecard form for an interview's focus areas. Drafts may be partial;
 * what a submission or an amendment needs is `scorecardSubmissionProblems`
 * (app/domain/scorecard.ts).
 */
export function scorecardSchema(areaKeys: string[]) {
  const perArea = Object.fromEntries(
    areaKeys.flatMap((key) => [
      [
        `rating_${key}`,
        z.enum(["", "1", "2", "3", "4", "na"], { errorMap: () => ({ message: "Choose a rating" }) }).optional(),
      ],
      [`evidence_${key}`, z.string().max(5000, "Evidence notes must be at most 5000 characters").optional()],
    ]),
  ) as Record<string, z.ZodTypeAny>;
  return z
    .object({
      intent: z.enum(["draft", "submit", "amend"]),
      version: z.string().optional(),
      weakSignals: z.array(z.string().max(200)).default([]),
      keyTakeaways: z.string().max(5000, "Key takeaways must be at most 5000 characters").optional(),
      recommendation: z
        .enum(["", ...recommendations], { errorMap: () => ({ message: "Choose a recommendation" }) })
        .optional(),
      amendReason: z.string().max(2000).optional(),
      ...perArea,
    })
    .superRefine((v, ctx) => {
      const record = v as Record<string, unknown>;
      const problems = scorecardSubmissionProblems({
        mode: v.intent,
        areaKeys,
        ratings: Object.fromEntries(areaKeys.map((key) => [key, record[`rating_${key}`] as string | undefined])),
        weakSignals: v.weakSignals,
        recommendation: v.recommendation,
        amendReason: v.amendReason,
      });
      for (const { field, message } of problems) ctx.addIssue({ code: "custom", path: field ? [field] : [], message });
    })
    .transform((v) => {
      const record = v as Record<string, unknown>;
      // A draft keeps only what was answered: an unrated area with notes is held as rating 0 ("not rated yet"),
      // an untouched one is not stored. "Not assessed" is always an explicit choice.
      const ratings = Object.fromEntries(
        areaKeys.flatMap((key) => {
          const raw = record[`rating_${key}`] as string | undefined;
          const evidence = ((record[`evidence_${key}`] as string | undefined) ?? "").trim();
          if (!raw && !evidence) return [];
          const rating = !raw ? 0 : raw === "na" ? null : (Number(raw) as 1 | 2 | 3 | 4);
          return [[key, { rating, evidence: evidence || null }]];
        }),
      ) as Record<string, { rating: 0 | 1 | 2 | 3 | 4 | null; evidence: string | null }>;
      return {
        intent: v.intent,
        version: v.version ? Number(v.version) : null,
        amendReason: (v.amendReason ?? "").trim() || null,
        values: {
          ratings,
          weakSignals: v.weakSignals.filter((s) => areaKeys.some((k) => isSignalOf(s, k))),
          keyTakeaways: (v.keyTakeaways ?? "").trim() || null,
          recommendation: (v.recommendation || "no_decision") as (typeof recommendations)[number],
          recommendationChosen: Boolean(v.recommendation),
        },
      };
    });
}
export const scorecardArrayFields = ["weakSignals"] as const;

/** The role's template editor: the existing areas by key (never by position), plus one new area. */
export function templateSchema(keys: string[]) {
  const rows = Object.fromEntries(
    keys.flatMap((k) => [
      [`name_${k}`, requiredText("Area name", 80)],
      [`weight_${k}`, wholeNumber("Weight", 0, 5)],
      [`knockout_${k}`, checkbox],
      [`drop_${k}`, checkbox],
      [`strong_${k}`, z.string().max(1000).optional()],
      [`weak_${k}`, z.string().max(1000).optional()],
    ]),
  ) as Record<string, z.ZodTypeAny>;
  return z
    .object({
      /** The version the form was opened on: a stale form is refused rather than applied to another version. */
      templateVersion: z.coerce.number().int().min(1),
      blindFeedback: checkbox,
      newName: optionalText("New area name", 80),
      newWeight: optionalWholeNumber("New area weight", 5),
      newStrong: optionalText("Strong evidence", 1000),
      newWeak: optionalText("Weak signal", 1000),
      newKnockout: checkbox,
      ...rows,
    })
    .superRefine((v, ctx) => {
      const r = v as Record<string, unknown>;
      const kept = keys.filter((k) => !r[`drop_${k}`]);
      if (kept.length === 0 && !v.newName)
        ctx.addIssue({ code: "custom", path: ["newName"], message: "Keep at least one area" });
      if (kept.every((k) => Number(r[`weight_${k}`]) === 0) && !(v.newName && (v.newWeight ?? 1) > 0)) {
        ctx.addIssue({
          code: "custom",
          path: [keys[0] ? `weight_${keys[0]}` : "newWeight"],
          message: "At least one area needs a weight above 0",
        });
      }
    });
}

export const takeHomeSchema = z
  .object({
    title: requiredText("Title", 120),
    instructions: requiredText("Instructions", 10000),
    materialsUrl: optionalUrl("Materials link"),
    timeBoxHours: wholeNumber("Time box (hours)", 1, 40),
    dueOn: z
      .string()
      .trim()
      .refine(isIsoDate, { message: "Due date must be a real date (YYYY-MM-DD)" })
      .refine(notInPast, { message: "The due date has already passed" }),
    paid: checkbox,
    amount: optionalWholeNumber("Amount", 100_000),
    currency: z.enum(currencies),
    anonymous: checkbox,
    graderIds: idList.refine((ids) => ids.length > 0, { message: "Choose at least one grader" }),
  })
  .superRefine((v, ctx) => {
    if (v.paid && !v.amount)
      ctx.addIssue({ code: "custom", path: ["amount"], message: "Enter what the take-home pays" });
  });
export const takeHomeArrayFields = ["graderIds"] as const;

export const takeHomeUpdateSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("submitted"),
    submissionUrl: optionalUrl("Submission link"),
    submittedOn: z
      .string()
      .trim()
      .refine(isIsoDate, { message: "Submission date must be a real date" })
      .refine(notInFuture, { message: "A submission date cannot be in the future" }),
    version: z.coerce.number().int(),
  }),
  z.object({
    intent: z.literal("extend"),
    extendedTo: z
      .string()
      .trim()
      .refine(isIsoDate, { message: "New due date must be a real date" })
      .refine(notInPast, { message: "The new due date has already passed" }),
    extensionReason: requiredText("Reason", 500),
    version: z.coerce.number().int(),
  }),
  z.object({ intent: z.literal("waive"), waiverReason: requiredText("Reason", 500), version: z.coerce.number().int() }),
]);

const draftOneToFour = z
  .enum(["", "1", "2", "3", "4"], { errorMap: () => ({ message: "Rate from 1 to 4" }) })
  .optional();
const oneToFour = (label: string) =>
  z.enum(["1", "2", "3", "4"], { errorMap: () => ({ message: `Rate ${label} from 1 to 4` }) }).transform(Number);
const yesNo = (label: string) =>
  z.enum(["yes", "no"], { errorMap: () => ({ message: `Say whether ${label}` }) }).transform((v) => v === "yes");

export const gradeSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("submit"),
    version: z.string().optional(),
    diagnosis: oneToFour("the diagnosis"),
    evalPlan: oneToFour("the eval plan"),
    architecture: oneToFour("the architecture"),
    monitoring: oneToFour("the monitoring plan"),
    costControl: oneToFour("the cost-control plan"),
    notBuilding: oneToFour("what they would not build"),
    outcomesReached: wholeNumber("Outcomes reached", 0, 10),
    costCeilingRespected: yesNo("the cost ceiling was respected"),
    securityRespected: yesNo("the security constraint was respected"),
    hoursReported: optionalWholeNumber("Hours reported", 200),
    notes: optionalText("Notes", 5000),
  }),
  z.object({
    intent: z.literal("draft"),
    version: z.string().optional(),
    diagnosis: draftOneToFour,
    evalPlan: draftOneToFour,
    architecture: draftOneToFour,
    monitoring: draftOneToFour,
    costControl: draftOneToFour,
    notBuilding: draftOneToFour,
    outcomesReached: optionalWholeNumber("Outcomes reached", 10),
    costCeilingRespected: z.enum(["", "yes", "no"]).optional(),
    securityRespected: z.enum(["", "yes", "no"]).optional(),
    hoursReported: optionalWholeNumber("Hours reported", 200),
    notes: z.string().max(5000).optional(),
  }),
]);

/** A parsed grade form as the values `saveGrade` stores: numbers, yes/no as booleans, blanks as null. */
export function gradeValuesFrom(v: z.output<typeof gradeSchema>) {
  const num = (x: unknown) => (x === undefined || x === null || x === "" ? null : Number(x));
  const bool = (x: unknown) => (x === "yes" || x === true ? true : x === "no" || x === false ? false : null);
  return {
    diagnosis: num(v.diagnosis),
    evalPlan: num(v.evalPlan),
    architecture: num(v.architecture),
    monitoring: num(v.monitoring),
    costControl: num(v.costControl),
    notBuilding: num(v.notBuilding),
    outcomesReached: num(v.outcomesReached),
    costCeilingRespected: bool(v.costCeilingRespected),
    securityRespected: bool(v.securityRespected),
    hoursReported: num(v.hoursReported),
    notes: typeof v.notes === "string" && v.notes.trim() ? v.notes.trim() : null,
  };
}
