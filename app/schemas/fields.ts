// Reusable field rules for form schemas. Inputs are the strings a form posts.
import { z } from "zod";
import { DAY_MS, isoDay } from "~/domain/dates";

export const requiredText = (label: string, max: number) =>
  z
    .string({ required_error: `${label} is required` })
    .trim()
    .min(1, `${label} is required`)
    .max(max, `${label} must be at most ${max} characters`);

export const optionalText = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `${label} must be at most ${max} characters`)
    .optional()
    .transform((v) => (v ? v : null));

/** A real calendar date that reads back as typed (no 30 February), between 1900 and 2199. */
export function isIsoDate(v: string): boolean {
  if (!/^(19|20|21)\d{2}-\d{2}-\d{2}$/.test(v)) return false;
  const parsed = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && isoDay(parsed) === v;
}

/** The date `days` from today in UTC (YYYY-MM-DD). */
function isoDayFromToday(days: number): string {
  return isoDay(new Date(Date.now() + days * DAY_MS));
}

/**
 * Dates that cannot be in the future or the past. "Today" is wherever the user
 * is, which can be a day either side of the server's, so the rules allow a day.
 */
export const notInFuture = (v: string) => v <= isoDayFromToday(1);
export const notInPast = (v: string) => v >= isoDayFromToday(-1);

export const optionalDate = (label: string) =>
  z
    .string()
    .trim()
    .optional()
    .refine((v) => !v || isIsoDate(v), { message: `${label} must be a real date (YYYY-MM-DD)` })
    .transform((v) => (v ? v : null));

export const optionalWholeNumber = (label: string, max: number) =>
  z
    .string()
    .trim()
    .optional()
    // Thousands separators are fine ("185,000"); anything else that is not a digit is an error.
    .transform((v) => (v ?? "").replace(/(\d),(?=\d{3}(\D|$))/g, "$1").replace(/[\s_]/g, ""))
    .refine((v) => v === "" || /^\d+$/.test(v), { message: `${label} must be a whole number` })
    .transform((v) => (v === "" ? null : Number(v)))
    .refine((v) => v === null || v <= max, { message: `${label} must be at most ${max.toLocaleString("en-US")}` });

export const wholeNumber = (label: string, min: number, max: number) =>
  z
    .string({ required_error: `${label} is required` })
    .trim()
    .refine((v) => v !== "", { message: `${label} is required` })
    .refine((v) => v === "" || /^-?\d+$/.test(v), { message: `${label} must be a whole number` })
    .transform(Number)
    .refine((v) => v >= min && v <= max, {
      message: `${label} must be between ${min.toLocaleString("en-US")} and ${max.toLocaleString("en-US")}`,
    });

export const yesNoUnanswered = z
  .enum(["yes", "no", ""])
  .optional()
  .transform((v) => (v === "yes" ? true : v === "no" ? false : null));

export const idList = z
  .array(z.string().regex(/^\d+$/, "Unknown person"))
  .default([])
  .transform((ids) => [...new Set(ids.map(Number))]);

export const email = z
  .string({ required_error: "Email is required" })
  .trim()
  .toLowerCase()
  .min(1, "Email is required")
  .max(254, "Email is too long")
  .email("Enter a valid email address");

export const optionalEmail = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, "Email is too long")
  .optional()
  .refine((v) => !v || z.string().email().safeParse(v).success, { message: "Enter a valid email address" })
  .transform((v) => (v ? v : null));

export const optionalUrl = (label: string) =>
  z
    .string()
    .trim()
    .max(500, `${label} is too long`)
    .optional()
    .refine((v) => !v || /^https?:\/\/[^\s]+\.[^\s]+$/i.test(v), {
      message: `${label} must be a web address starting with https://`,
    })
    .transform((v) => (v ? v : null));

export const checkbox = z
  .enum(["on"])
  .optional()
  .transform((v) => v === "on");
