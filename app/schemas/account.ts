import { z } from "zod";
import { isTimeZone } from "~/domain/dates";

/** The digest hours on offer: "off", or a whole hour of the reader's day. */
export const digestHourChoices = ["off", ...Array.from({ length: 24 }, (_, h) => String(h))] as const;

/** "9:00" for 9; the hours are read in the user's own zone. */
export const digestHourLabel = (choice: string) => (choice === "off" ? "Off" : `${choice}:00`);

/** The account page's "Time zone and digest" form, on both sides. */
export const timePreferencesSchema = z.object({
  intent: z.literal("time-preferences"),
  timeZone: z
    .string({ required_error: "Choose your time zone" })
    .trim()
    .min(1, "Choose your time zone")
    .max(100, "Choose a time zone from the list")
    .refine(isTimeZone, { message: "Choose a time zone from the list" }),
  digestHour: z
    .enum(digestHourChoices, { errorMap: () => ({ message: "Choose an hour between 0:00 and 23:00, or Off" }) })
    .transform((v) => (v === "off" ? null : Number(v))),
});
