// The interview page's two forms, one schema for both sides: reschedule (a new
// start read in the actor's own zone, a length, the panel; a start in the past
// only with its box ticked) and cancel (a reason, optional). Built per zone:
// the browser passes the reader's zone from the loader, the server the session's.
import { z } from "zod";
import { zonedLocalToUtc } from "~/domain/dates";
import { checkbox, idList, isIsoDate, optionalText, wholeNumber } from "./fields";

export const interviewChangeArrayFields = ["panelIds"] as const;

const version = z.coerce.number({ invalid_type_error: "Reload the page and try again" }).int().min(1);

const isLocalDateTime = (v: string) =>
  /^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d$/.test(v) && isIsoDate(v.slice(0, 10));

const localStart = z
  .string({ required_error: "Start is required" })
  .trim()
  .refine(isLocalDateTime, { message: "Start must be a real date and time" });

/** `zone`: the actor's time zone (UTC when they have none); `now` is for tests. */
export function interviewChangeSchema(zone: string, now: () => Date = () => new Date()) {
  return z
    .discriminatedUnion("intent", [
      z.object({
        intent: z.literal("reschedule"),
        version,
        startsAt: localStart,
        durationMinutes: wholeNumber("Length in minutes", 15, 480),
        panelIds: idList.refine((ids) => ids.length > 0, { message: "Choose at least one interviewer" }),
        confirmPast: checkbox,
      }),
      z.object({
        intent: z.literal("cancel"),
        version,
        reason: optionalText("Reason", 500),
      }),
    ])
    .superRefine((v, ctx) => {
      // A start that is not a real time has its own message; whether it is past means nothing.
      if (v.intent !== "reschedule" || v.confirmPast || !isLocalDateTime(v.startsAt)) return;
      if (zonedLocalToUtc(v.startsAt, zone).getTime() < now().getTime())
        ctx.addIssue({
          code: "custom",
          path: ["confirmPast"],
          message: "That start is in the past: tick the box to confirm it, or choose a later time",
        });
    })
    .transform((v) => {
      if (v.intent === "cancel") return v;
      const startsAt = zonedLocalToUtc(v.startsAt, zone);
      return {
        intent: v.intent,
        version: v.version,
        startsAt,
        endsAt: new Date(startsAt.getTime() + v.durationMinutes * 60_000),
        panelIds: v.panelIds,
      };
    });
}
