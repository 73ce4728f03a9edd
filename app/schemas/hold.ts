// Legal holds on a candidate: add one (a reason and an end date), or end one
// early. One schema for the browser and the server.
import { z } from "zod";
import { isIsoDate, notInPast, requiredText } from "./fields";

export const addHoldSchema = z.object({
  intent: z.literal("add"),
  reason: requiredText("Reason", 500),
  until: z
    .string({ required_error: "End date is required" })
    .trim()
    .min(1, "End date is required")
    .refine(isIsoDate, "End date must be a real date (YYYY-MM-DD)")
    .refine(notInPast, "End date cannot be in the past"),
});

export const endHoldSchema = z.object({
  intent: z.literal("end"),
  holdId: z.string().regex(/^\d+$/, "Unknown hold").transform(Number),
});

export const holdActionSchema = z.discriminatedUnion("intent", [addHoldSchema, endHoldSchema], {
  errorMap: () => ({ message: "Choose what to do with the hold" }),
});
