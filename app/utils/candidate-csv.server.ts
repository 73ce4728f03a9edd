// CSV import of candidates: parse with papaparse, validate every row with the
// candidate form's own schema, and report per-row errors. Writing happens
// elsewhere, all rows in one transaction or none.
import Papa from "papaparse";
import {
  candidateFormSchema,
  csvColumns,
  csvRowToFormValues,
  MAX_IMPORT_ROWS,
  type CandidateFormValues,
} from "~/schemas/candidate";
import { zodFieldErrors } from "./forms";

export type CsvRow = {
  line: number;
  name: string;
  email: string;
  errors: string[];
  values: CandidateFormValues | null;
};

export type CsvCheck = { fileErrors: string[]; rows: CsvRow[] };

const labels: Record<string, string> = {
  name: "name",
  email: "email",
  phone: "phone",
  location: "location",
  timezone: "timezone",
  profileUrl: "profile_url",
  codeUrl: "code_url",
  portfolioUrl: "portfolio_url",
  engagementType: "engagement_type",
  payKind: "pay_kind",
  payAmount: "pay_amount",
  payCurrency: "pay_currency",
  availableFrom: "available_from",
  otherSkills: "skills",
  skills: "skills",
  source: "source",
  notes: "notes",
  consentProcessAt: "consent_process_at",
  consentProcessSource: "consent_process_source",
  consentProcessExpiresAt: "consent_process_expires_at",
  consentRetainAt: "consent_retain_at",
  consentRetainSource: "consent_retain_source",
  consentRetainExpiresAt: "consent_retain_expires_at",
};

/** Parse and validate; `knownEmails` are emails already on file (duplicates are refused, not merged). */
export function checkCandidateCsv(text: string, knownEmails: (emails: string[]) => Set<string>): CsvCheck {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ""), {
    header: true,
    skipEmptyLines: "greedy",
    transformHeader: (h) => h.trim().toLowerCase().replace(/\s+/g, "_"),
  });
  const fileErrors: string[] = [];
  if (text.includes("\uFFFD")) {
    fileErrors.push(
      "The file is not UTF-8: some characters cannot be read (they show as �). Save it as “CSV UTF-8” and try again.",
    );
    return { fileErrors, rows: [] };
  }
  const headers = parsed.meta.fields ?? [];
  const unknown = headers.filter((h) => !(csvColumns as readonly string[]).includes(h));
  if (!headers.includes("name") || !headers.includes("email"))
    fileErrors.push("The first line must name the columns, including name and email.");
  if (unknown.length) fileErrors.push(`Unknown columns: ${unknown.join(", ")}. Allowed: ${csvColumns.join(", ")}.`);
  if (parsed.data.length > MAX_IMPORT_ROWS)
    fileErrors.push(`At most ${MAX_IMPORT_ROWS} rows per import; this file has ${parsed.data.length}.`);
  for (const error of parsed.errors.slice(0, 5)) fileErrors.push(`Line ${(error.row ?? 0) + 2}: ${error.message}`);
  if (fileErrors.length) return { fileErrors, rows: [] };

  const rows: CsvRow[] = parsed.data.map((raw, i) => {
    const result = candidateFormSchema.safeParse(csvRowToFormValues(raw));
    const errors = result.success
      ? []
      : Object.entries(zodFieldErrors(result.error)).map(
          ([field, messages]) => `${labels[field] ?? field}: ${messages[0]}`,
        );
    return {
      line: i + 2,
      name: (raw.name ?? "").trim(),
      email: (raw.email ?? "").trim().toLowerCase(),
      errors,
      values: result.success ? result.data : null,
    };
  });

  const seen = new Map<string, number>();
  for (const row of rows) {
    if (!row.email) continue;
    const first = seen.get(row.email);
    if (first !== undefined) row.errors.push(`email: the same email is on line ${first}`);
    else seen.set(row.email, row.line);
  }
  const onFile = knownEmails(rows.map((r) => r.email).filter(Boolean));
  for (const row of rows)
    if (onFile.has(row.email)) row.errors.push("email: already on file (edit that candidate instead)");
  if (rows.length === 0) fileErrors.push("The file has no candidate rows.");
  return { fileErrors, rows };
}

/** At most this many rows go back to the browser for the preview. */
export const PREVIEW_ROWS = 200;

/**
 * The rows a preview shows, in file order: every row with errors first in
 * line, then ready rows, up to PREVIEW_ROWS; with the counts of the whole file.
 */
export function previewRows(rows: CsvRow[]) {
  const bad = rows.filter((r) => r.errors.length > 0);
  const shown = new Set([...bad, ...rows.filter((r) => r.errors.length === 0)].slice(0, PREVIEW_ROWS));
  return {
    rowCount: rows.length,
    badCount: bad.length,
    rows: rows.filter((r) => shown.has(r)).map(({ line, name, email, errors }) => ({ line, name, email, errors })),
  };
}
