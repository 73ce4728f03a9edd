// CSV cells that spreadsheet apps will not run as formulas.

/**
 * Text starting with = + - @ (or their full-width forms), possibly after
 * spaces, or with a tab, carriage return or line feed, is prefixed with an
 * apostrophe so spreadsheets keep it as text. Numbers pass as they are.
 */
export function safeCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return String(value);
  return /^\s*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]|^[\t\r\n]/.test(value) ? `'${value}` : value;
}

/**
 * A cell read back from a CSV that `safeCell` wrote: the apostrophe it put in front comes off again, so a file
 * exported here (the import's rejected rows) imports as it was.
 */
export function unsafeCell(value: string): string {
  return /^'(\s*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]|[\t\r\n])/.test(value) ? value.slice(1) : value;
}
