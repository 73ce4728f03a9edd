// Offline list of common passwords: the password dictionary shipped with
// zxcvbn-ts (tens of thousands of leaked passwords), loaded once on first use.
import { dictionary } from "@zxcvbn-ts/language-common";

let set: Set<string> | null = null;

export function isCommonPassword(candidate: string): boolean {
  set ??= new Set((dictionary.passwords as string[]).map((w) => w.toLowerCase()));
  return set.has(candidate.toLowerCase());
}
