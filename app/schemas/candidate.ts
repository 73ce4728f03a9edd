import { z } from "zod";
import { consentSources } from "~/domain/consent";
import { startingStages } from "./application";
import { unsafeCell } from "~/utils/csv";
import { candidateEngagementTypes, candidateSources, currencies, payKinds } from "~/domain/reference";
import {
  email,
  notInFuture,
  optionalDate,
  optionalText,
  optionalUrl,
  optionalWholeNumber,
  requiredText,
} from "./fields";

export const candidateArrayFields = ["skills"] as const;

/** Skills arrive as ticked suggestions plus a comma-separated "other skills" box. */
function normaliseSkills(ticked: string[], other: string | undefined): string[] {
  const all = [...ticked, ...(other ?? "").split(",")].map((s) => s.trim()).filter(Boolean);
  const seen = new Map<string, string>();
  for (const skill of all) if (!seen.has(skill.toLowerCase())) seen.set(skill.toLowerCase(), skill);
  return [...seen.values()];
}

const consentSource = z
  .enum(["", ...consentSources], { errorMap: () => ({ message: "Choose how the consent was given" }) })
  .optional()
  .transform((v) => (v ? v : null));

/** Each consent's three fields: the day it was given, how, and its last day (optional). */
export const consentFields = {
  process: { at: "consentProcessAt", source: "consentProcessSource", expiresAt: "consentProcessExpiresAt" },
  retain: { at: "consentRetainAt", source: "consentRetainSource", expiresAt: "consentRetainExpiresAt" },
} as const;

type ConsentValues = Record<
  (typeof consentFields)[keyof typeof consentFields][keyof (typeof consentFields)["process"]],
  string | null
>;

/** A consent is all or nothing: a day given and how; its last day, if any, not before the day given. */
function checkConsent(v: ConsentValues, ctx: z.RefinementCtx) {
  for (const f of Object.values(consentFields)) {
    const at = v[f.at];
    if (at && !notInFuture(at)) ctx.addIssue({ code: "custom", path: [f.at], message: "Cannot be in the future" });
    if (at && !v[f.source])
      ctx.addIssue({ code: "custom", path: [f.source], message: "Say how the consent was given" });
    if (!at && (v[f.source] || v[f.expiresAt]))
      ctx.addIssue({ code: "custom", path: [f.at], message: "Enter the day the consent was given" });
    if (at && v[f.expiresAt] && v[f.expiresAt]! < at)
      ctx.addIssue({ code: "custom", path: [f.expiresAt], message: "Cannot be before the day it was given" });
  }
}

export const candidateFormSchema = z
  .object({
    name: requiredText("Name", 120),
    email,
    phone: optionalText("Phone", 40),
    location: optionalText("Location", 120),
    timezone: optionalText("Time zone", 60),
    profileUrl: optionalUrl("Profile link"),
    codeUrl: optionalUrl("Code link"),
    portfolioUrl: optionalUrl("Portfolio link"),
    engagementType: z.enum(candidateEngagementTypes, {
      errorMap: () => ({ message: "Choose how this person would work with us" }),
    }),
    payKind: z
      .enum(["", ...payKinds], { errorMap: () => ({ message: "Choose a pay type" }) })
      .optional()
      .transform((v) => (v ? v : null)),
    payAmount: optionalWholeNumber("Expected pay", 100_000_000),
    payCurrency: z.enum(currencies, { errorMap: () => ({ message: "Choose a currency" }) }),
    availableFrom: optionalDate("Available from"),
    skills: z.array(z.string().max(60, "A skill name is at most 60 characters")).default([]),
    otherSkills: z.string().max(500, "Other skills must be at most 500 characters").optional(),
    source: z.enum(candidateSources, { errorMap: () => ({ message: "Choose where this candidate came from" }) }),
    notes: optionalText("Notes", 5000),
    consentProcessAt: optionalDate("Consent to process: given on"),
    consentProcessSource: consentSource,
    consentProcessExpiresAt: optionalDate("Consent to process: ends on"),
    consentRetainAt: optionalDate("Consent to keep on file: given on"),
    consentRetainSource: consentSource,
    consentRetainExpiresAt: optionalDate("Consent to keep on file: ends on"),
  })
  .superRefine((v, ctx) => {
    checkConsent(v, ctx);
    if (v.payAmount !== null && !v.payKind) {
      ctx.addIssue({
        code: "custom",
        path: ["payKind"],
        message: "Say whether the amount is a salary, an hourly rate or a fixed quote",
      });
    }
    if (v.payKind && v.payAmount === null)
      ctx.addIssue({ code: "custom", path: ["payAmount"], message: "Enter the expected amount" });
  })
  .transform(({ otherSkills, skills, ...rest }) => ({ ...rest, skills: normaliseSkills(skills, otherSkills) }));

export type CandidateFormValues = z.output<typeof candidateFormSchema>;

export const MAX_IMPORT_ROWS = 10_000;
/** Room for 10,000 rows of every column (about 500 characters each). */
export const MAX_IMPORT_CHARS = 5_000_000;

/** The CSV import row: the same rules, with skills as one "a; b; c" or "a, b" cell. */
export const csvColumns = [
  "name",
  "email",
  "phone",
  "location",
  "timezone",
  "profile_url",
  "code_url",
  "portfolio_url",
  "engagement_type",
  "pay_kind",
  "pay_amount",
  "pay_currency",
  "available_from",
  "skills",
  "source",
  "notes",
  // Optional consent columns: the day given, how (one of the consent sources), and the last day.
  "consent_process_at",
  "consent_process_source",
  "consent_process_expires_at",
  "consent_retain_at",
  "consent_retain_source",
  "consent_retain_expires_at",
] as const;

export function csvRowToFormValues(row: Record<string, string | undefined>): Record<string, unknown> {
  const cell = (key: string) => unsafeCell((row[key] ?? "").trim());
  return {
    name: cell("name"),
    email: cell("email"),
    phone: cell("phone"),
    location: cell("location"),
    timezone: cell("timezone"),
    profileUrl: cell("profile_url"),
    codeUrl: cell("code_url"),
    portfolioUrl: cell("portfolio_url"),
    engagementType: cell("engagement_type") || "full_time",
    payKind: cell("pay_kind"),
    payAmount: cell("pay_amount"),
    payCurrency: cell("pay_currency") || "USD",
    availableFrom: cell("available_from"),
    skills: [],
    otherSkills: cell("skills").replace(/;/g, ","),
    source: cell("source") || "sourced",
    notes: cell("notes"),
    consentProcessAt: cell("consent_process_at"),
    consentProcessSource: cell("consent_process_source").toLowerCase(),
    consentProcessExpiresAt: cell("consent_process_expires_at"),
    consentRetainAt: cell("consent_retain_at"),
    consentRetainSource: cell("consent_retain_source").toLowerCase(),
    consentRetainExpiresAt: cell("consent_retain_expires_at"),
  };
}

/**
 * The import form. "import" takes the whole file or nothing; "import-ready" takes the rows without errors and
 * leaves the others; "rejected" downloads those others with their reasons (candidates.import[.csv]). `roleId`: everyone imported is also added to that role,
 * at `stage`.
 */
export const importSchema = z.object({
  intent: z.enum(["preview", "import", "import-ready", "rejected"]),
  roleId: z
    .union([z.literal(""), z.coerce.number().int().positive()], {
      errorMap: () => ({ message: "Choose a role from the list" }),
    })
    .optional()
    .transform((v) => (v ? v : null)),
  stage: z
    .enum(startingStages, { errorMap: () => ({ message: "New applications start before the offer stage" }) })
    .default("sourced"),
  csv: z
    .string()
    .trim()
    .min(1, "Choose a CSV file or paste its contents")
    .max(MAX_IMPORT_CHARS, "The file is too large: 5 million characters at most"),
});

export type ImportValues = z.output<typeof importSchema>;
