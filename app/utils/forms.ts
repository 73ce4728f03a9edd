// One mechanism for forms on both sides: FormData -> plain values -> the
// form's zod schema. The server parses the posted FormData; the browser's
// react-hook-form resolver (app/components/form.tsx) parses the very same
// FormData from the form element, so both sides agree by construction.
import type { z } from "zod";

export type FieldErrors = Record<string, string[]>;
export type FormFailure = { fieldErrors: FieldErrors; formError: string | null };

/**
 * Plain values from FormData, in one pass over its entries: `arrayFields` keep
 * every value (checkbox groups), others the first. (Asking FormData for each
 * name's values instead costs a scan per name, which a body of many fields
 * turns quadratic.)
 */
export function formDataToValues(formData: FormData, arrayFields: readonly string[] = []): Record<string, unknown> {
  const arrays = new Set(arrayFields);
  const settled = new Set<string>();
  const values: Record<string, unknown> = {};
  for (const key of arrayFields) values[key] = [];
  for (const [key, value] of formData) {
    // "$" names are Remix's own; "__proto__" would set the object's prototype instead of a value.
    if (key.startsWith("$") || key === "__proto__" || settled.has(key)) continue;
    if (typeof value !== "string") {
      values[key] ??= "";
    } else if (arrays.has(key)) {
      (values[key] as string[]).push(value);
    } else {
      values[key] = value;
      settled.add(key);
    }
  }
  return values;
}

/**
 * What was typed into a form, as plain values: sent back with a refusal so the
 * page shows it again. Hidden record versions come back too: a form refused
 * for a conflict must keep the version it was opened at, or sending it again
 * would overwrite the other person's save.
 */
export type Submitted = Record<string, string | string[]>;

/** Fields never sent back to the browser: whatever was typed into them stays with the request. */
const SECRET_FIELD = /password/i;

export function submittedValues(formData: FormData, arrayFields: readonly string[] = []): Submitted {
  const values = formDataToValues(formData, arrayFields) as Submitted;
  for (const key of Object.keys(values)) if (SECRET_FIELD.test(key)) delete values[key];
  return values;
}

/**
 * The value a field starts with: as it was sent, if the form came back refused
 * (a field that was not sent, such as an unchosen radio, is blank), else `fallback`.
 */
export function typedOr(submitted: Submitted | null | undefined, name: string, fallback: string): string {
  if (!submitted) return fallback;
  const value = submitted[name];
  return typeof value === "string" ? value : "";
}

/**
 * Whether a checkbox or radio with `value` starts ticked: as it was sent, if the
 * form came back refused (an unticked box is absent from what was sent), else `fallback`.
 */
export function tickedOr(
  submitted: Submitted | null | undefined,
  name: string,
  value: string,
  fallback: boolean,
): boolean {
  if (!submitted) return fallback;
  const sent = submitted[name];
  return Array.isArray(sent) ? sent.includes(value) : sent === value;
}

export function zodFieldErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? "_form");
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

export type ParseResult<T> = { ok: true; data: T } | ({ ok: false } & FormFailure);

export function parseFormData<S extends z.ZodTypeAny>(
  schema: S,
  formData: FormData,
  arrayFields: readonly string[] = [],
): ParseResult<z.output<S>> {
  const result = schema.safeParse(formDataToValues(formData, arrayFields));
  if (result.success) return { ok: true, data: result.data };
  const fieldErrors = zodFieldErrors(result.error);
  const formError = fieldErrors._form?.[0] ?? null;
  delete fieldErrors._form;
  return { ok: false, fieldErrors, formError };
}
