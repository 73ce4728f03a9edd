// Erasing a candidate (the right to be forgotten): when it is allowed, what
// their record becomes, and how their name, email and phone are taken out of
// what other people wrote about them. Ratings, recommendations, stage history
// and decisions stay, de-identified, so every figure computed from them holds.

export const ERASED_MARKER = "[erased]";

export function erasedCandidateName(candidateId: number): string {
  return `Erased candidate #${candidateId}`;
}

/** A placeholder that keeps the unique, required email column filled without holding anything. */
export function erasedCandidateEmail(candidateId: number): string {
  return `erased-${candidateId}@erased.invalid`;
}

/** What identifies the person in free text others wrote. */
export type Identifiers = { name: string; email: string; phone: string | null; urls: (string | null)[] };

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * The patterns that find the person in text: the full name, each part of it
 * (two letters or more, so "Jo" is found but an initial is not), the email,
 * the phone however its digits are spaced, and their links. Case-insensitive.
 */
export function identifierPatterns(ids: Identifiers): RegExp[] {
  const patterns: RegExp[] = [];
  const words = (text: string) => new RegExp(`(?<!\\p{L}|\\p{N})${escapeRegExp(text)}(?!\\p{L}|\\p{N})`, "giu");
  const name = ids.name.trim();
  if (name) patterns.push(words(name));
  for (const part of name.split(/[\s,.'’-]+/u)) if ([...part].length >= 2) patterns.push(words(part));
  if (ids.email.trim()) {
    patterns.push(new RegExp(escapeRegExp(ids.email.trim()), "giu"));
    const local = ids.email.trim().split("@")[0];
    if ([...local].length >= 3) patterns.push(words(local));
  }
  const digits = (ids.phone ?? "").replace(/\D/g, "");
  // The same digits with any spaces, dots, dashes or brackets between them, and an optional + before.
  const spaced = (d: string) => d.split("").join("[\\s().-]*");
  if (digits.length >= 6) patterns.push(new RegExp(`\\+?${spaced(digits)}`, "g"));
  // Written the national way (a trunk 0 for the country code): the last eight digits identify it.
  if (digits.length > 8) patterns.push(new RegExp(spaced(digits.slice(-8)), "g"));
  for (const url of ids.urls)
    if (url && url.trim().length >= 6) patterns.push(new RegExp(escapeRegExp(url.trim()), "giu"));
  return patterns;
}

/** The text with every mention of the person replaced by the marker; null stays null. */
export function redactText(text: string | null, patterns: RegExp[]): string | null {
  if (text === null) return null;
  let out = text;
  for (const pattern of patterns) out = out.replace(pattern, ERASED_MARKER);
  return out;
}

/** Every string inside a JSON value redacted (history snapshots, amendment copies). */
export function redactJson<T>(value: T, patterns: RegExp[]): T {
  if (typeof value === "string") return redactText(value, patterns) as T;
  if (Array.isArray(value)) return value.map((v) => redactJson(v, patterns)) as T;
  if (value && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactJson(v, patterns)])) as T;
  return value;
}

export type ErasureBlockers = {
  alreadyErased: boolean;
  openApplications: { roleTitle: string; stage: string }[];
  offers: { roleTitle: string; status: string }[];
  holds: { reason: string; until: string }[];
};

/** Why erasing is refused now, in words for the person asking; null when it may go ahead. */
export function erasureRefusal(blockers: ErasureBlockers): string | null {
  if (blockers.alreadyErased) return "This candidate has already been erased.";
  if (blockers.openApplications.length)
    return `They have an open application (${blockers.openApplications
      .map((a) => `${a.roleTitle}, ${a.stage}`)
      .join("; ")}). Close it (reject or withdraw) first.`;
  if (blockers.offers.length)
    return `They have an offer in play (${blockers.offers.map((o) => `${o.roleTitle}, ${o.status}`).join("; ")}).`;
  if (blockers.holds.length)
    return `A legal hold keeps their data until ${blockers.holds
      .map((h) => h.until)
      .sort()
      .at(-1)}: ${blockers.holds[0].reason}`;
  return null;
}

/** The confirmation is the candidate's name typed again, ignoring case and spaces at either end. */
export function confirmsName(typed: string, name: string): boolean {
  return typed.trim().toLocaleLowerCase() === name.trim().toLocaleLowerCase() && name.trim() !== "";
}
