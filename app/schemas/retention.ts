// The retention page's two forms: set the period (never under the minimum in
// force), and run the rule on the list the admin is looking at.
import { z } from "zod";
import { RETENTION_MAX_MONTHS } from "~/domain/retention";
import { wholeNumber } from "./fields";

export function retentionSettingsSchema(minMonths: number) {
  return z.object({
    intent: z.literal("save"),
    months: wholeNumber("Months", 1, RETENTION_MAX_MONTHS).refine((m) => m >= minMonths, {
      message: `At least ${minMonths} months: the minimum this installation keeps hiring records`,
    }),
    version: z.string().regex(/^\d+$/).transform(Number),
  });
}

export const runRetentionSchema = z.object({
  intent: z.literal("run"),
  /** The preview's fingerprint: the run goes ahead only on the list that was shown. */
  planKey: z.string().regex(/^[0-9a-f]{64}$/, "Open the preview again before running it"),
});

export function retentionActionSchema(minMonths: number) {
  return z.discriminatedUnion("intent", [retentionSettingsSchema(minMonths), runRetentionSchema], {
    errorMap: () => ({ message: "Choose what to do" }),
  });
}
