// Sorting a table whose cells may be blank ("—", "No quote recorded", a score
// the viewer may not see): a blank is no value, not the lowest one, so it goes
// last whichever way the column is sorted.

export type SortValue = number | string | null;

// "Candidate 2" before "Candidate 10".
export const byName = new Intl.Collator("en", { numeric: true });

/** Ascending (dir 1) or descending (dir -1) by value, with blanks (null) after every value either way. */
export function compareBlanksLast(x: SortValue, y: SortValue, dir: 1 | -1): number {
  if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
  const order = typeof x === "string" || typeof y === "string" ? byName.compare(String(x), String(y)) : x - y;
  return order * dir;
}

/** Rows sorted by `key` (blanks last), ties by name, without changing the input. */
export function sortRows<T extends { name: string }>(rows: readonly T[], key: (row: T) => SortValue, dir: 1 | -1): T[] {
  return [...rows].sort((a, b) => compareBlanksLast(key(a), key(b), dir) || byName.compare(a.name, b.name));
}
