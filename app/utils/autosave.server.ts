// The answers of the autosave endpoints (scorecards, take-home grades): JSON
// for the page's script, which keeps the record version it is told about so
// the next save is checked against it (a newer save elsewhere is a 409).
import type { FieldErrors } from "./forms";

export type AutosaveAnswer =
  | { ok: true; version: number; savedAt: string }
  | { ok: false; reason: "conflict" | "locked" | "invalid" | "not-ready"; message: string; fieldErrors?: FieldErrors };

export function autosaved(version: number, now = new Date()): Response {
  return Response.json({ ok: true, version, savedAt: now.toISOString() } satisfies AutosaveAnswer, {
    headers: { "Cache-Control": "no-store" },
  });
}

export function autosaveRefused(
  status: 400 | 409,
  answer: Omit<Extract<AutosaveAnswer, { ok: false }>, "ok">,
): Response {
  return Response.json({ ok: false, ...answer } satisfies AutosaveAnswer, {
    status,
    headers: { "Cache-Control": "no-store" },
  });
}

/**
 * The posted form as a draft save, whatever button or intent the page sent; null
 * when it does not say which version it was opened at ("" for a first save),
 * which every autosave does, so a stray post never writes.
 */
export function asDraft(formData: FormData): FormData | null {
  if (!formData.has("version")) return null;
  formData.set("intent", "draft");
  return formData;
}

export function NO_VERSION(): Response {
  return autosaveRefused(400, { reason: "invalid", message: "Say which version the form was opened at." });
}
