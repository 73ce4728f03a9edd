import { z } from "zod";
import { checkSaveProblems, checkStatuses, checkTypes, classifications } from "~/domain/compliance";
import { isoDay } from "~/domain/dates";
import { stages } from "~/domain/pipeline";
import { rejectionReasons } from "~/domain/reference";
import { checkbox, optionalDate, optionalText } from "./fields";
import { optionalQuoteFields, QUOTE_WITHOUT_PRICE, quoteWithoutPrice } from "./costs";

const id = (message: string) => z.string({ required_error: message }).regex(/^\d+$/, message).transform(Number);
const optionalId = z
  .string()
  .optional()
  .refine((v) => !v || /^\d+$/.test(v), { message: "Unknown choice" })
  .transform((v) => (v ? Number(v) : null));

/** Where a new application may start: never at offer or hired, which only a move through the offer gate reaches. */
export const startingStages = ["sourced", "screening", "interviewing", "take_home", "final"] as const;
const startingStage = z
  .enum(startingStages, { errorMap: () => ({ message: "New applications start before the offer stage" }) })
  .default("sourced");

/** Add someone to a role's pipeline: an existing candidate (optionally submitted by an agency), or an agency bidding as a team. */
export const addApplicationSchema = z
  .discriminatedUnion("subject", [
    z.object({
      subject: z.literal("candidate"),
      candidateId: id("Choose a candidate"),
      stage: startingStage,
      submittedByAgencyId: optionalId,
      submittedByContactId: optionalId,
      submittedOn: optionalDate("Submission date"),
    }),
    // The bid's quote goes with it when there is one: price, currency, team and weeks.
    z.object({
      subject: z.literal("agency"),
      agencyId: id("Choose an agency"),
      stage: startingStage,
      ...optionalQuoteFields,
    }),
  ])
  .superRefine((v, ctx) => {
    if (v.subject === "agency" && quoteWithoutPrice(v))
      ctx.addIssue({ code: "custom", path: ["quoteAmount"], message: QUOTE_WITHOUT_PRICE });
  });

export const moveSchema = z.object({
  intent: z.literal("move"),
  toStage: z.enum(stages, { errorMap: () => ({ message: "Choose a stage" }) }),
  rejectionReason: z
    .enum(["", ...rejectionReasons])
    .optional()
    .transform((v) => (v ? v : null)),
  note: optionalText("Note", 2000),
  // Ticked to undo a hire (checkMove); the server asks for it again whatever the browser did.
  confirmUndoHire: checkbox,
  version: z.coerce.number().int().min(1),
});

export const checkFormSchema = z
  .object({
    type: z.enum(checkTypes, { errorMap: () => ({ message: "Unknown check" }) }),
    status: z.enum(checkStatuses, { errorMap: () => ({ message: "Choose a status" }) }),
    classification: z
      .enum(["", ...classifications])
      .optional()
      .transform((v) => (v ? v : null)),
    rationale: optionalText("Rationale", 3000),
    waiverReason: optionalText("Waiver reason", 2000),
    expiresAt: optionalDate("Expiry date"),
    evidenceRef: optionalText("Evidence reference", 500),
    detail: optionalText("Details", 5000),
    version: z
      .string()
      .optional()
      .transform((v) => (v ? Number(v) : null)),
  })
  .superRefine((v, ctx) => {
    if (v.type === "worker_classification" && v.status === "waived") {
      ctx.addIssue({
        code: "custom",
        path: ["status"],
        message: "Worker classification cannot be waived: every engagement has one. Record it instead.",
      });
    }
    if (v.status === "waived" && !v.waiverReason)
      ctx.addIssue({ code: "custom", path: ["waiverReason"], message: "Say why this check is waived" });
    if (v.status === "expired" && !v.expiresAt)
      ctx.addIssue({ code: "custom", path: ["expiresAt"], message: "Give the date it expired" });
    if (v.type === "worker_classification" && (v.status === "verified" || v.status === "received")) {
      if (!v.classification)
        ctx.addIssue({ code: "custom", path: ["classification"], message: "Choose the classification" });
      if (!v.rationale)
        ctx.addIssue({ code: "custom", path: ["rationale"], message: "Write down why this classification applies" });
    }
    // Today (UTC) where the form is checked: in the browser as typed, again on the server, which decides.
    const today = isoDay(new Date());
    // A classification's missing rationale is already said above; its rationale is the note that stands for evidence.
    const problems = checkSaveProblems(v, today).filter(
      (p) => !(p.field === "evidenceRef" && v.type === "worker_classification" && !v.rationale),
    );
    for (const p of problems) ctx.addIssue({ code: "custom", path: [p.field], message: p.message });
  });

export type CheckFormValues = z.output<typeof checkFormSchema>;
