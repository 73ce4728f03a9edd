// Reusable field rules for form schemas. Inputs are the strings a form posts.
import { z } from "zod";

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

export const optionalDate = (label: string) =>
  z
    .string()
    .trim()
    .optional()
    .refine((v) => !v || (/^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`))), {
      message: `${label} must be a date (YYYY-MM-DD)`,
    })
    .transform((v) => (v ? v : null));

export const optionalWholeNumber = (label: string, max: number) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ?? "").replace(/[,\s_]/g, ""))
    .refine((v) => v === "" || /^\d+$/.test(v), { message: `${label} must be a whole number` })
    .transform((v) => (v === "" ? null : Number(v)))
    .refine((v) => v === null || v <= max, { message: `${label} must be at most ${max.toLocaleString("en-US")}` });

export const wholeNumber = (label: string, min: number, max: number) =>
  z
    .string({ required_error: `${label} is required` })
    .trim()
    .refine((v) => /^\d+$/.test(v), { message: `${label} must be a whole number` })
    .transform(Number)
    .refine((v) => v >= min && v <= max, { message: `${label} must be between ${min} and ${max}` });

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
