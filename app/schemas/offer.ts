import { approvalDecisions } from "~/domain/reference";
import { z } from "zod";
import { currencies, payKinds } from "~/domain/reference";
import { idList, isIsoDate, notInFuture, notInPast, optionalText, optionalWholeNumber } from "./fields";

const recordVersion = z
  .string()
  .optional()
  .transform((v) => (v && /^\d+$/.test(v) ? Number(v) : null));

const requiredDate = (label: string) =>
  z
    .string({ required_error: `${label} is required` })
    .trim()
    .min(1, `${label} is required`)
    .refine((v) => isIsoDate(v), { message: `${label} must be a real date (YYYY-MM-DD)` });

/**
 * Create or edit an offer. Pay kind, amount, currency and start date are its terms: changing one asks the
 * approvers again.
 */
export const offerSchema = z.object({
  intent: z.literal("save"),
  payKind: z.enum(payKinds, { errorMap: () => ({ message: "Choose how the pay is stated" }) }),
  // "210,000" as typed is fine.
  amount: optionalWholeNumber("Amount", 100_000_000)
    .refine((v) => v !== null, { message: "Amount is required" })
    .refine((v) => v === null || v >= 1, { message: "Amount must be at least 1" })
    .transform((v) => v as number),
  currency: z.enum(currencies, { errorMap: () => ({ message: "Choose a currency" }) }),
  startDate: requiredDate("Start date").refine(notInPast, { message: "Start date cannot be in the past" }),
  termsNote: optionalText("Terms note", 3000),
  version: recordVersion,
});
export type OfferFormValues = z.output<typeof offerSchema>;

/** HR records the candidate's acceptance and its date. */
export const acceptOfferSchema = z.object({
  intent: z.literal("accept"),
  acceptedOn: requiredDate("Date accepted").refine(notInFuture, { message: "Date accepted cannot be in the future" }),
  version: z.coerce.number().int().min(1),
});

/** An approver's decision on the terms they were shown; a decline says why. */
export const offerDecisionSchema = z
  .object({
    offerId: z.string({ required_error: "Unknown offer" }).regex(/^\d+$/, "Unknown offer").transform(Number),
    termsVersion: z.string({ required_error: "Unknown offer" }).regex(/^\d+$/, "Unknown offer").transform(Number),
    decision: z.enum(approvalDecisions, { errorMap: () => ({ message: "Approve or decline" }) }),
    comment: optionalText("Comment", 2000),
  })
  .superRefine((v, ctx) => {
    if (v.decision === "decline" && !v.comment)
      ctx.addIssue({
        code: "custom",
        path: ["comment"],
        message: "Say why you decline, so the author knows what to change",
      });
  });

/** A role's approvers and how many of them must approve. */
export const approvalChainSchema = z
  .object({
    approverIds: idList,
    rule: z.enum(["all", "some"], { errorMap: () => ({ message: "Choose how many must approve" }) }),
    required: z
      .string()
      .trim()
      .optional()
      .refine((v) => !v || /^\d+$/.test(v), { message: "Number of approvals must be a whole number" })
      .transform((v) => (v ? Number(v) : null)),
    version: recordVersion,
  })
  .superRefine((v, ctx) => {
    if (v.rule !== "some") return;
    if (v.required === null || v.required < 1)
      ctx.addIssue({ code: "custom", path: ["required"], message: "Say how many approvals are needed" });
    else if (v.required > v.approverIds.length)
      ctx.addIssue({
        code: "custom",
        path: ["required"],
        message: "Cannot need more approvals than there are approvers",
      });
  })
  .transform((v) => ({ ...v, required: v.rule === "all" ? null : v.required }));
