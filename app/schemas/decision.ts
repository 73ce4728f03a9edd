import { z } from "zod";
import { decisionOutcomes } from "~/domain/decision";
import { rejectionReasons } from "~/domain/reference";
import { idList, optionalText, requiredText } from "./fields";

export const decisionArrayFields = ["citedAreas", "citedScorecards"] as const;

/**
 * Record a decision. `currentDecisionId` is the decision already taken at this
 * stage as the form showed it (blank: none); with one, the new decision is a
 * change and says why. The server re-checks the citations against the evidence.
 */
export const decisionSchema = z
  .object({
    outcome: z.enum(decisionOutcomes, { errorMap: () => ({ message: "Choose a decision" }) }),
    rejectionReason: z
      .enum(["", ...rejectionReasons])
      .optional()
      .transform((v) => (v ? v : null)),
    rationale: requiredText("Rationale", 5000).pipe(
      z.string().min(20, "Write at least a sentence on why (20 characters or more)"),
    ),
    citedAreas: z
      .array(z.string().max(100))
      .default([])
      .refine((v) => v.length > 0, { message: "Cite at least one area the decision rests on" }),
    citedScorecards: idList,
    changeReason: optionalText("Reason for the change", 2000),
    currentDecisionId: z
      .string()
      .optional()
      .refine((v) => !v || /^\d+$/.test(v), { message: "Unknown decision" })
      .transform((v) => (v ? Number(v) : null)),
    version: z.coerce.number().int().min(1),
  })
  .superRefine((v, ctx) => {
    if (v.outcome === "reject" && !v.rejectionReason)
      ctx.addIssue({ code: "custom", path: ["rejectionReason"], message: "Choose why this application is rejected" });
    if (v.currentDecisionId !== null && !v.changeReason) {
      ctx.addIssue({
        code: "custom",
        path: ["changeReason"],
        message: "Say why the decision already recorded at this stage is changed",
      });
    }
  });

export type DecisionValues = z.output<typeof decisionSchema>;
