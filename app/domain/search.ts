// Candidate search: what a typed query means, as a pure rule. The database
// answers it with an FTS5 index (migration 0011_candidate_search), whose
// tokenizer (unicode61, remove_diacritics 2) folds case in every script and
// strips accents from Latin letters; `matchesSearch` states the same rule in
// JavaScript, for tests and for anyone reading what a search finds.

/**
 * Letters the tokenizer keeps as they are although people type them without
 * their stroke or as two letters (Øster as Oster, Łukasz as Lukasz, Straße as
 * Strasse). The index spells them out the same way (the view
 * candidate_search_text in migration 0011), so both spellings find them.
 */
export const spelledOutLetters: Readonly<Record<string, string>> = {
  Ø: "O",
  ø: "o",
  Ł: "L",
  ł: "l",
  Đ: "D",
  đ: "d",
  Ð: "D",
  ð: "d",
  Þ: "Th",
  þ: "th",
  ẞ: "SS",
  ß: "ss",
  Æ: "AE",
  æ: "ae",
  Œ: "OE",
  œ: "oe",
  ı: "i",
  Ħ: "H",
  ħ: "h",
};

const spelledOutPattern = new RegExp(`[${Object.keys(spelledOutLetters).join("")}]`, "gu");

export function spellOutLetters(text: string): string {
  return text.replace(spelledOutPattern, (c) => spelledOutLetters[c]);
}

/** At most this many words of a query count; the rest are ignored. */
export const MAX_SEARCH_WORDS = 12;

const hasWordCharacter = /[\p{L}\p{N}]/u;

/**
 * A typed query as an FTS5 MATCH expression that cannot be malformed: each
 * whitespace-separated word becomes a quoted phrase (so quotes, `*`, `-`,
 * `AND`, `OR`, `NOT`, `NEAR`, parentheses and colons are plain text) matched
 * as a prefix, and every word must match. Words without a letter or digit
 * ("-", "%", a lone quote) would match everything as an empty phrase: they are
 * left out. Null when nothing searchable is left: such a query finds no one.
 */
export function ftsMatchExpression(query: string): string | null {
  const words = spellOutLetters(query)
    .split(/\s+/u)
    .filter((w) => hasWordCharacter.test(w))
    .slice(0, MAX_SEARCH_WORDS);
  if (words.length === 0) return null;
  return words.map((w) => `"${w.replaceAll('"', '""')}"*`).join(" ");
}

/** The tokens the index holds for a text: lower case, Latin letters without accents, split at anything else. */
export function searchTokens(text: string): string[] {
  return spellOutLetters(text)
    .toLowerCase()
    .normalize("NFD")
    .replace(/(\p{Script=Latin})\p{M}+/gu, "$1")
    .normalize("NFC")
    .split(/[^\p{L}\p{N}\p{M}]+/u)
    .filter(Boolean);
}

/**
 * Whether a candidate with these fields (name, email, skills) matches a typed
 * query: every word of the query, read as its tokens, appears in one field as
 * consecutive tokens, the last one as a prefix ("ana" finds Anaïs, "jane.do"
 * finds jane.doe@example.com). Skills are one field, in their order.
 */
export function matchesSearch(fields: { name: string; email: string; skills: string[] }, query: string): boolean {
  const expression = ftsMatchExpression(query);
  if (expression === null) return false;
  const columns = [fields.name, fields.email, fields.skills.join(" ")].map(searchTokens);
  const words = spellOutLetters(query)
    .split(/\s+/u)
    .filter((w) => hasWordCharacter.test(w))
    .slice(0, MAX_SEARCH_WORDS)
    .map(searchTokens)
    .filter((w) => w.length > 0);
  return words.every((phrase) => columns.some((tokens) => containsPhrase(tokens, phrase)));
}

function containsPhrase(tokens: string[], phrase: string[]): boolean {
  for (let i = 0; i + phrase.length <= tokens.length; i++) {
    const last = phrase.length - 1;
    if (phrase.every((p, k) => (k === last ? tokens[i + k].startsWith(p) : tokens[i + k] === p))) return true;
  }
  return false;
}

/**
 * How many steps along the name index cost as much as looking up one candidate's row to sort it (measured on
 * 200,000 people: about 0.05 µs a step, 3 µs a lookup, with building the set of matches to check against about
 * three steps a match).
 */
export const ROW_LOOKUP_IN_INDEX_STEPS = 50;

/**
 * Whether a page of search results is cheaper read by walking the name index in order, keeping the entries the
 * search matched, than by looking up every match's row and sorting them. The walk stops once the page is full,
 * after about (offset + page size) × candidates / matches entries; sorting costs a row lookup per match. A common
 * name (many matches, spread through the alphabet of first names) is walked; a rare one, or one nobody has, is
 * sorted. The answer is the same rows either way; only the cost differs.
 */
export function readsInNameOrder(input: { matches: number; candidates: number; offset: number; pageSize: number }) {
  const { matches, candidates, offset, pageSize } = input;
  if (matches <= pageSize) return false;
  const steps = ((offset + pageSize) * candidates) / matches;
  return steps < matches * ROW_LOOKUP_IN_INDEX_STEPS;
}
