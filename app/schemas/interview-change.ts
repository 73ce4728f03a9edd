// The interview page's two forms, one schema for both sides: reschedule (a new
// start read in the actor's own zone, a length, the panel; a start in the past
// only with its box ticked) and cancel (a reason, optional). Built per zone:
// the browser passes the reader's zone from the loader, the server the session's.
import { z } from "zod";
import { idList, optionalText } from "./fields";
import { interviewStartFields, interviewStartMoment, refinePastStart } from "./interview";

export const interviewChangeArrayFields = ["panelIds"] as const;

const version = z.coerce.number({ invalid_type_error: "Reload the page and try again" }).int().min(1);

/** `zone`: the actor's time zone (UTC when they have none); `now` is for tests. */
export function interviewChangeSchema(zone: string, now: () => Date = () => new Date()) {
  return (
    z
      .discriminatedUnion("intent", [
        z.object({
          intent: z.literal("reschedule"),
          version,
          startsAt: interviewStartFields.startsAt,
          durationMinutes: interviewStartFields.durationMinutes,
          panelIds: idList.refine((ids) => ids.length > 0, { message: "Choose at least one interviewer" }),
          confirmPast: interviewStartFields.confirmPast,
        }),
        z.object({
          intent: z.literal("cancel"),
          version,
          reason: optionalText("Reason", 500),
        }),
      ])
      // The scheduling form's past-start rule, read in the actor's zone.
      .superRefine((v, ctx) => {
        if (v.intent === "reschedule") refinePastStart({ ...v, tzOffset: 0 }, ctx, { zone, now });
      })
      .transform((v) => {
        if (v.intent === "cancel") return v;
        const startsAt = interviewStartMoment(v.startsAt, { zone, tzOffset: 0 });
        return {
          intent: v.intent,
          version: v.version,
          startsAt,
          endsAt: new Date(startsAt.getTime() + v.durationMinutes * 60_000),
          panelIds: v.panelIds,
        };
      })
  );
}
