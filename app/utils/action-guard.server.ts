// Every route's action passes through here before its own code runs (the HTTP
// server wraps each action of the build once, see guardActions). Two things are
// decided for all routes at once, signed in or not:
// - the body is a form we will parse: at most MAX_FORM_FIELDS fields, counted on
//   the raw bytes before anything is parsed (413), and a multipart body that
//   cannot be parsed is a 400, not a crash;
// - a write the storage refused (disk full, read-only, I/O error, locked) is
//   answered 503 with the form's values sent back, never as a saved write.
import { data, type ActionFunction, type ServerBuild } from "@remix-run/node";
import { submittedValues } from "./forms";

/** Our largest real form (the scorecard template editor) sends a few hundred fields. */
export const MAX_FORM_FIELDS = 1000;

export const STORAGE_REFUSAL =
  "Your changes could not be saved: the server's storage is not accepting writes right now. Nothing was saved; try again in a few minutes.";

function plain(status: number, message: string): Response {
  return new Response(message, {
    status,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}

/** Occurrences of `needle` in `bytes`, stopping once past `limit`. Linear in the body's size. */
function countOccurrences(bytes: Uint8Array, needle: Uint8Array, limit: number): number {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let found = 0;
  for (let at = buffer.indexOf(needle); at !== -1 && found <= limit; at = buffer.indexOf(needle, at + needle.length))
    found++;
  return found;
}

/** Fields in a form body, from its bytes: `&`-separated pairs, or multipart parts. Null when the body is not readable as one. */
export function countFormFields(contentType: string, bytes: Uint8Array, limit = MAX_FORM_FIELDS): number | null {
  const type = contentType.split(";")[0].trim().toLowerCase();
  if (bytes.byteLength === 0) return 0;
  if (type === "multipart/form-data") {
    const boundary = /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
    const value = boundary?.[1] ?? boundary?.[2];
    if (!value) return null;
    // Each part opens with "--boundary"; the closing delimiter is one more.
    return Math.max(0, countOccurrences(bytes, Buffer.from(`--${value}`), limit + 1) - 1);
  }
  return countOccurrences(bytes, Buffer.from("&"), limit) + 1;
}

const STORAGE_CODES = /^SQLITE_(FULL|IOERR|READONLY|CANTOPEN|BUSY|LOCKED)/;

/** Whether an error (or what it wraps: Drizzle wraps the driver's error as `cause`) is SQLite refusing storage. */
export function isStorageFailure(error: unknown): boolean {
  for (
    let e = error, depth = 0;
    e && typeof e === "object" && depth < 5;
    e = (e as { cause?: unknown }).cause, depth++
  ) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && STORAGE_CODES.test(code)) return true;
  }
  return false;
}

function logRefusal(request: Request, status: number, why: string) {
  const url = new URL(request.url);
  console.warn(`${status} ${request.method} ${url.pathname}: ${why}`);
}

/**
 * Reads the body once (as a copy, so the action still reads its own), refuses
 * it if it is not a form we will parse, and hands back the parsed FormData for
 * a storage refusal to send the values back.
 */
async function admitForm(request: Request): Promise<FormData | null> {
  const contentType = request.headers.get("Content-Type") ?? "";
  if (!request.body) return null;
  const bytes = new Uint8Array(await request.clone().arrayBuffer());
  const fields = countFormFields(contentType, bytes);
  if (fields === null) {
    logRefusal(request, 400, "multipart body without a boundary");
    throw plain(400, "The form could not be read: its multipart body has no boundary.");
  }
  if (fields > MAX_FORM_FIELDS) {
    logRefusal(request, 413, `more than ${MAX_FORM_FIELDS} form fields`);
    throw plain(413, `That form has more than ${MAX_FORM_FIELDS.toLocaleString("en-US")} fields; nothing was read.`);
  }
  try {
    return await request.clone().formData();
  } catch {
    logRefusal(request, 400, "form body could not be parsed");
    throw plain(400, "The form could not be read: its body is malformed.");
  }
}

/** An action with the form admitted first and storage refusals answered 503. */
export function guardAction(action: ActionFunction): ActionFunction {
  return async (args) => {
    const formData = await admitForm(args.request);
    try {
      return await action(args);
    } catch (error) {
      if (!isStorageFailure(error)) throw error;
      console.error(
        `503 ${args.request.method} ${new URL(args.request.url).pathname}: storage refused the write`,
        error,
      );
      return data(
        {
          fieldErrors: {},
          formError: STORAGE_REFUSAL,
          values: formData ? submittedValues(formData, repeatedNames(formData)) : {},
        },
        { status: 503, headers: { "Retry-After": "60" } },
      );
    }
  };
}

/** Names sent more than once (checkbox groups), so they come back as lists. */
function repeatedNames(formData: FormData): string[] {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const key of formData.keys()) (seen.has(key) ? repeated : seen).add(key);
  return [...repeated];
}

const guarded = new WeakSet<object>();

/** Wraps every route's action in the build with guardAction, once. Returns the same build. */
export function guardActions(build: ServerBuild): ServerBuild {
  if (guarded.has(build.routes)) return build;
  for (const route of Object.values(build.routes)) {
    if (route?.module.action) route.module = { ...route.module, action: guardAction(route.module.action) };
  }
  guarded.add(build.routes);
  return build;
}
