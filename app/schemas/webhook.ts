// The webhook endpoint form: where deliveries go, what it is for, and which
// events it wants. One schema for the browser and the server; whether plain
// http to this machine is allowed is the server's setting, handed to the page
// by its loader, so both sides build the schema with the same answer.
import { z } from "zod";
import { webhookEventTypes, webhookUrlProblem } from "~/domain/webhooks";
import { optionalText } from "./fields";

export const webhookArrayFields = ["events"] as const;

export function webhookEndpointSchema(options: { allowHttpLocalhost: boolean }) {
  return z.object({
    url: z
      .string({ required_error: "URL is required" })
      .trim()
      .min(1, "URL is required")
      .max(2000, "URL must be at most 2,000 characters")
      .superRefine((value, ctx) => {
        const problem = webhookUrlProblem(value, options);
        if (problem) ctx.addIssue({ code: "custom", message: problem });
      }),
    description: optionalText("Description", 200),
    events: z
      .array(z.enum(webhookEventTypes, { errorMap: () => ({ message: "Unknown event" }) }))
      .default([])
      .refine((events) => events.length > 0, { message: "Choose at least one event" })
      .transform((events) => webhookEventTypes.filter((t) => events.includes(t))),
  });
}

/** Changing an endpoint: the same fields, and the version it was opened at. */
export function webhookUpdateSchema(options: { allowHttpLocalhost: boolean }) {
  return webhookEndpointSchema(options).extend({
    intent: z.literal("update"),
    version: z.coerce.number().int().min(1),
  });
}

const version = z.coerce.number().int().min(1);

/** The endpoint page's other buttons: each names the version the page showed, but for "send again". */
export const webhookEndpointActionSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("disable"), version }),
    z.object({ intent: z.literal("enable"), version }),
    z.object({ intent: z.literal("rotate"), version }),
    z.object({ intent: z.literal("delete"), version }),
    z.object({ intent: z.literal("redeliver"), deliveryId: z.coerce.number().int().min(1) }),
  ],
  { errorMap: () => ({ message: "Choose what to do" }) },
);
