// The audit log's filters, read from the address (a GET form): one schema for
// the page, its CSV and the form's fields. A value that does not parse is
// refused with a message next to its field.
import { z } from "zod";
import { auditActions, auditSubjects, type AuditFilter } from "~/domain/audit";
import { zodFieldErrors, type FieldErrors } from "~/utils/forms";
import { isIsoDate } from "./fields";

const optionalId = (label: string) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v) => v || null)
    .refine((v) => v === null || /^\d{1,9}$/.test(v), `${label} must be a whole number`)
    .transform((v) => (v === null ? null : Number(v)));

const optionalDay = (label: string) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v) => v || null)
    .refine((v) => v === null || isIsoDate(v), `${label} must be a date (YYYY-MM-DD)`);

const optionalChoice = <T extends readonly [string, ...string[]]>(values: T, label: string) =>
  z
    .string()
    .optional()
    .transform((v) => v || null)
    .refine((v): v is T[number] | null => v === null || (values as readonly string[]).includes(v), `Pick a ${label}`);

export const auditFilterSchema = z
  .object({
    actor: optionalId("User"),
    action: optionalChoice(auditActions, "listed action"),
    record: optionalChoice(auditSubjects, "listed kind of record"),
    recordId: optionalId("Record id"),
    from: optionalDay("From"),
    to: optionalDay("To"),
    page: z
      .string()
      .optional()
      .transform((v) => Math.min(Math.max(Number.parseInt(v ?? "1", 10) || 1, 1), 100_000)),
  })
  .superRefine((v, ctx) => {
    if (v.from && v.to && v.from > v.to)
      ctx.addIssue({ code: "custom", path: ["to"], message: "To must be on or after From" });
    if (v.recordId !== null && v.record === null)
      ctx.addIssue({ code: "custom", path: ["record"], message: "Pick the kind of record the id belongs to" });
  });

export type AuditFilterInput = z.input<typeof auditFilterSchema>;
export type AuditFilterValues = z.output<typeof auditFilterSchema>;

/** The filters in an address: the model's filter and the page, or the messages per field. */
export function auditFilterFromUrl(
  url: URL,
):
  | { ok: true; filter: AuditFilter; page: number; values: Record<string, string> }
  | { ok: false; fieldErrors: FieldErrors; values: Record<string, string> } {
  const values = Object.fromEntries(
    ["actor", "action", "record", "recordId", "from", "to"].map((k) => [k, url.searchParams.get(k) ?? ""]),
  );
  const result = auditFilterSchema.safeParse({ ...values, page: url.searchParams.get("page") ?? undefined });
  if (!result.success) return { ok: false, fieldErrors: zodFieldErrors(result.error), values };
  const v = result.data;
  return {
    ok: true,
    page: v.page,
    values,
    // An application's entries include those about its scorecards, decisions, offer and checks.
    filter: {
      actorId: v.actor,
      action: v.action,
      ...(v.record === "application" && v.recordId !== null
        ? { applicationId: v.recordId }
        : { subjectType: v.record, subjectId: v.recordId }),
      from: v.from,
      to: v.to,
    },
  };
}
