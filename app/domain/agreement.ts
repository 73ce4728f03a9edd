// Panel agreement: Krippendorff's alpha over ratings of the same thing.
// A unit is what several observers rated (here: one application's area), its
// values the ratings given; a missing value ("not assessed") is left out, never
// counted as a low rating. Units with fewer than two values cannot be paired and
// do not count. Following Krippendorff, "Computing Krippendorff's Alpha-Reliability"
// (2011): the coincidence matrix of pairable values, a metric's squared distance
// between values, alpha = 1 - observed / expected disagreement.

export type Metric = "nominal" | "ordinal" | "interval";

/** One unit's values (missing ones left out), and how many units hold exactly these values (1 unless said). */
export type Unit = { values: readonly number[]; times?: number };

export type Coincidences = {
  /** The distinct pairable values, ascending; the matrix and totals are indexed alike. */
  values: number[];
  matrix: number[][];
  /** n_c: how often each value was given in pairable units. */
  totals: number[];
  /** n..: every pairable value. */
  pairable: number;
  units: number;
};

export function coincidences(units: readonly Unit[]): Coincidences {
  const paired = units.filter((u) => u.values.length >= 2 && (u.times ?? 1) > 0);
  const values = [...new Set(paired.flatMap((u) => u.values))].sort((a, b) => a - b);
  const index = new Map(values.map((v, i) => [v, i]));
  const matrix = values.map(() => values.map(() => 0));
  let count = 0;
  for (const u of paired) {
    const times = u.times ?? 1;
    count += times;
    const here = values.map(() => 0);
    for (const v of u.values) here[index.get(v)!] += 1;
    // Each ordered pair of values within the unit, weighted 1/(m-1) so every value adds one in all.
    const weight = times / (u.values.length - 1);
    for (let c = 0; c < values.length; c++) {
      if (!here[c]) continue;
      for (let k = 0; k < values.length; k++) matrix[c][k] += weight * here[c] * (c === k ? here[c] - 1 : here[k]);
    }
  }
  const totals = matrix.map((row) => row.reduce((a, b) => a + b, 0));
  return { values, matrix, totals, pairable: totals.reduce((a, b) => a + b, 0), units: count };
}

/**
 * The metric's squared distance between the values at two indices. Ordinal works on ranks, not on the
 * numbers: the distance between c and k is the number of values given from c to k, less half of c's and k's
 * own (Krippendorff's rank-sum delta), so a scale where 2 and 3 are seldom used stretches between them.
 */
export function distance(metric: Metric, c: Pick<Coincidences, "values" | "totals">): (i: number, j: number) => number {
  if (metric === "nominal") return (i, j) => (i === j ? 0 : 1);
  if (metric === "interval") return (i, j) => (c.values[i] - c.values[j]) ** 2;
  const below = [0];
  for (const n of c.totals) below.push(below[below.length - 1] + n);
  return (i, j) => {
    const [lo, hi] = i < j ? [i, j] : [j, i];
    return (below[hi + 1] - below[lo] - (c.totals[lo] + c.totals[hi]) / 2) ** 2;
  };
}

/** The disagreement expected if the same values had been paired by chance: D_e. */
export function expectedDisagreement(c: Coincidences, delta: (i: number, j: number) => number): number {
  if (c.pairable < 2) return 0;
  let sum = 0;
  for (let i = 0; i < c.values.length; i++)
    for (let j = 0; j < c.values.length; j++) sum += c.totals[i] * c.totals[j] * delta(i, j);
  return sum / (c.pairable * (c.pairable - 1));
}

/**
 * Below this many pairable ratings a figure is too thin to read: one changed rating moves it by a tenth or
 * more. Thirty is about two candidates each rated by two interviewers on every area of a seven-area card.
 */
export const MIN_PAIRABLE = 30;

export type Agreement = {
  /** Null when it cannot be computed: nothing pairable, or no variation (alpha is 0/0). */
  alpha: number | null;
  /** The pairable ratings the figure rests on, and the units they fall in. */
  pairable: number;
  units: number;
  /** Why the figure should not be read yet, or null when it can. */
  thin: "too few" | "no variation" | null;
};

function judged(alpha: number | null, pairable: number, units: number, expected: number): Agreement {
  if (pairable === 0 || expected === 0)
    return { alpha: null, pairable, units, thin: pairable < MIN_PAIRABLE ? "too few" : "no variation" };
  return { alpha, pairable, units, thin: pairable < MIN_PAIRABLE ? "too few" : null };
}

/** Krippendorff's alpha over every pairable value of the units. */
export function krippendorffAlpha(units: readonly Unit[], metric: Metric = "ordinal"): Agreement {
  const c = coincidences(units);
  const delta = distance(metric, c);
  const expected = expectedDisagreement(c, delta);
  let observed = 0;
  for (let i = 0; i < c.values.length; i++)
    for (let j = 0; j < c.values.length; j++) observed += c.matrix[i][j] * delta(i, j);
  observed = c.pairable ? observed / c.pairable : 0;
  return judged(expected ? 1 - observed / expected : null, c.pairable, c.units, expected);
}

/** One observer's value in a unit, with the unit's values (theirs included), and how many such units. */
export type ObserverUnit = { own: number; values: readonly number[]; times?: number };

/**
 * One observer against the others on the same units: the observed disagreement counts only the pairs they
 * are part of (each of their values against the others' values on that unit, weighted 1/(m-1) as in the
 * coincidence matrix), and is set against the disagreement expected by chance among all of `reference`
 * (the units the whole panel rated, which also fix the ordinal ranks). So the panel's observed disagreement
 * is the average of its observers' weighted by their pairable values, and an observer whose alpha is below
 * the panel's disagrees with the others more than the panel does on the whole. `pairable` counts the values
 * in the units they share with someone: theirs and the others'.
 */
export function observerAlpha(
  mine: readonly ObserverUnit[],
  reference: readonly Unit[],
  metric: Metric = "ordinal",
): Agreement & { own: number } {
  const c = coincidences(reference);
  const delta = distance(metric, c);
  const expected = expectedDisagreement(c, delta);
  const index = new Map(c.values.map((v, i) => [v, i]));
  let [observed, own, pairable, units] = [0, 0, 0, 0];
  for (const u of mine) {
    const times = u.times ?? 1;
    if (u.values.length < 2 || times <= 0) continue;
    const i = index.get(u.own);
    if (i === undefined) throw new Error(`The observer's value ${u.own} is not among the reference's values`);
    let skippedOwn = false;
    let sum = 0;
    for (const v of u.values) {
      if (v === u.own && !skippedOwn) skippedOwn = true;
      else sum += delta(i, index.get(v)!);
    }
    observed += (times * sum) / (u.values.length - 1);
    own += times;
    pairable += times * u.values.length;
    units += times;
  }
  return { ...judged(expected && own ? 1 - observed / own / expected : null, pairable, units, expected), own };
}

/** The figure as read on a page: "0.62", or why it cannot be read yet. */
export function agreementText(a: Agreement): string {
  if (a.thin === "no variation") return "no variation yet";
  if (a.thin || a.alpha === null) return "not enough overlap yet";
  return a.alpha.toFixed(2);
}

export const agreementExplanation =
  "Krippendorff's alpha (ordinal) on ratings of the same candidate and area: 1 is full agreement, 0 no better than chance. " +
  `Not assessed is left out. Under ${MIN_PAIRABLE} pairable ratings, or when every rating is the same, it is too thin to read.`;
