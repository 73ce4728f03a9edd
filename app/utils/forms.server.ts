import { data } from "@remix-run/node";
import { submittedValues, type FormFailure } from "./forms";

/**
 * A refused form (status 400 unless given): its messages, and what was typed,
 * so the page shows it again next to them, also in a browser without
 * JavaScript. Passwords are never sent back. Nothing has been written.
 */
export function invalid<Extra extends object = object>(
  formData: FormData,
  failure: FormFailure & Extra,
  options: { arrayFields?: readonly string[]; status?: number; headers?: HeadersInit } = {},
) {
  return data(
    { ...failure, values: submittedValues(formData, options.arrayFields) },
    { status: options.status ?? 400, headers: options.headers },
  );
}
