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
import { safeCell } from "./csv";
import { zodFieldErrors } from "./forms";

export type CsvRow = {
  line: number;
  name: string;
  email: string;
  errors: string[];
  values: CandidateFormValues | null;
  /** The row's cells as the file gave them, by column name (for the rejected rows' CSV). */
  raw: Record<string, string>;
};

/** `columns`: the file's column names, in its order. */
export type CsvCheck = { fileErrors: string[]; columns: string[]; rows: CsvRow[] };

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

/** Where each line of the text starts, to turn a character offset into a line number (1 for the first line). */
function lineIndex(text: string): (offset: number) => number {
  const newline = text.includes("\n") ? "\n" : "\r";
  const starts = [0];
  for (let i = text.indexOf(newline); i !== -1; i = text.indexOf(newline, i + 1)) starts.push(i + 1);
  return (offset) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return low + 1;
  };
}

/**
 * The file's records with the line each starts on, as a spreadsheet or editor numbers it: a quoted cell holding
 * line breaks, and blank lines between records, count as the lines they take.
 */
function readRecords(text: string) {
  const lineAt = lineIndex(text);
  const records: { line: number; raw: Record<string, string> }[] = [];
  const errors: string[] = [];
  let fields: string[] | null = null;
  let end = 0;
  Papa.parse<string[]>(text, {
    skipEmptyLines: "greedy",
    step: (result) => {
      // The record starts at the first character after the previous one that is not a line break or a blank.
      let start = end;
      while (start < text.length && /\s/.test(text[start])) start++;
      end = result.meta.cursor;
      const line = lineAt(start);
      // One column throughout: the comma is taken, as the message says; nothing to report.
      for (const error of result.errors)
        if (error.code !== "UndetectableDelimiter" && errors.length < 5) errors.push(`Line ${line}: ${error.message}`);
      if (fields === null) {
        fields = result.data.map((h) => h.trim().toLowerCase().replace(/\s+/g, "_"));
        return;
      }
      const cells = result.data;
      if (cells.length !== fields.length && errors.length < 5)
        errors.push(
          `Line ${line}: Too ${cells.length < fields.length ? "few" : "many"} fields: expected ${fields.length} fields but parsed ${cells.length}`,
        );
      records.push({ line, raw: Object.fromEntries(fields.map((f, i) => [f, cells[i] ?? ""])) });
    },
  });
  return { fields: fields ?? ([] as string[]), records, errors };
}

/** The columns the rejected rows' CSV adds in front; a file brought back with them still imports (they are ignored). */
const rejectedColumns = ["line", "problems"] as const;

/** Parse and validate; `knownEmails` are emails already on file (duplicates are refused, not merged). */
export function checkCandidateCsv(text: string, knownEmails: (emails: string[]) => Set<string>): CsvCheck {
  const fileErrors: string[] = [];
  if (text.includes("\uFFFD")) {
    fileErrors.push(
      "The file is not UTF-8: some characters cannot be read (they show as �). Save it as “CSV UTF-8” and try again.",
    );
    return { fileErrors, columns: [], rows: [] };
  }
  const parsed = readRecords(text.replace(/^\uFEFF/, ""));
  const headers = parsed.fields;
  const unknown = headers.filter(
    (h) => !(csvColumns as readonly string[]).includes(h) && !(rejectedColumns as readonly string[]).includes(h),
  );
  if (!headers.includes("name") || !headers.includes("email"))
    fileErrors.push("The first line must name the columns, including name and email.");
  if (unknown.length) fileErrors.push(`Unknown columns: ${unknown.join(", ")}. Allowed: ${csvColumns.join(", ")}.`);
  if (parsed.records.length > MAX_IMPORT_ROWS)
    fileErrors.push(`At most ${MAX_IMPORT_ROWS} rows per import; this file has ${parsed.records.length}.`);
  fileErrors.push(...parsed.errors);
  if (fileErrors.length) return { fileErrors, columns: headers, rows: [] };

  const rows: CsvRow[] = parsed.records.map(({ line, raw }) => {
    const result = candidateFormSchema.safeParse(csvRowToFormValues(raw));
    const errors = result.success
      ? []
      : Object.entries(zodFieldErrors(result.error)).map(
          ([field, messages]) => `${labels[field] ?? field}: ${messages[0]}`,
        );
    return {
      line,
      name: (raw.name ?? "").trim(),
      email: (raw.email ?? "").trim().toLowerCase(),
      errors,
      values: result.success ? result.data : null,
      raw,
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
  return { fileErrors, columns: headers, rows };
}

/**
 * The rows a check refused, as a CSV to fix and import again: the line each was on and why, then its cells under
 * the file's own column names. Cells are made safe for spreadsheets (a leading = + - @ gets an apostrophe, which
 * the import takes off again).
 */
export function rejectedRowsCsv(check: CsvCheck): string {
  const columns = check.columns.filter((c) => !(rejectedColumns as readonly string[]).includes(c));
  const rows = check.rows
    .filter((r) => r.errors.length > 0)
    .map((r) => [String(r.line), safeCell(r.errors.join("; ")), ...columns.map((c) => safeCell(r.raw[c] ?? ""))]);
  return `\uFEFF${Papa.unparse({ fields: [...rejectedColumns, ...columns], data: rows }, { newline: "\r\n" })}\r\n`;
}

/** An empty file to fill in: every column the import reads, name and email first. */
export function importTemplateCsv(): string {
  return `\uFEFF${Papa.unparse({ fields: [...csvColumns], data: [] }, { newline: "\r\n" })}\r\n`;
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
