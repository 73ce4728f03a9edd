import { describe, expect, it } from "vitest";
import {
  agreementText,
  coincidences,
  krippendorffAlpha,
  MIN_PAIRABLE,
  observerAlpha,
  type Metric,
  type Unit,
} from "./agreement";
import { seededRandom } from "./random";

// Krippendorff, "Computing Krippendorff's Alpha-Reliability" (2011), section C: four observers, twelve units,
// values 1-5, null where an observer gave none. The same data ship as the "C" example of R's irr::kripp.alpha.
const K = null;
const krippendorffC: (number | null)[][] = [
  [1, 2, 3, 3, 2, 1, 4, 1, 2, K, K, K],
  [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, K, 3],
  [K, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, K],
  [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, K],
];

/** Observer-by-unit data as units of the values given. */
function unitsOf(data: (number | null)[][]): Unit[] {
  return data[0].map((_, u) => ({ values: data.map((row) => row[u]).filter((v): v is number => v !== null) }));
}

/**
 * A second computation, written from the definitions rather than the coincidence matrix: every ordered pair
 * of values within a unit, its squared distance weighted 1/(m-1), against every ordered pair of pairable
 * values in the whole data. Ordinal distances are counted from the list of pairable values directly.
 */
function bruteForceAlpha(data: (number | null)[][], metric: Metric, only?: number): number | null {
  const units = data[0]
    .map((_, u) => data.map((row, o) => ({ o, v: row[u] })).filter((x): x is { o: number; v: number } => x.v !== null))
    .filter((u) => u.length >= 2);
  const pool = units.flat().map((x) => x.v);
  const known = new Map<string, number>();
  const delta = (c: number, k: number) =>
    known.get(`${c},${k}`) ?? known.set(`${c},${k}`, distanceOf(c, k)).get(`${c},${k}`)!;
  const distanceOf = (c: number, k: number) => {
    if (metric === "nominal") return c === k ? 0 : 1;
    if (metric === "interval") return (c - k) ** 2;
    const [lo, hi] = [Math.min(c, k), Math.max(c, k)];
    const between = pool.filter((v) => v >= lo && v <= hi).length;
    const ends = pool.filter((v) => v === lo).length + pool.filter((v) => v === hi).length;
    return (between - ends / 2) ** 2;
  };
  let observed = 0;
  let weight = 0;
  for (const u of units) {
    for (const a of u) {
      if (only !== undefined && a.o !== only) continue;
      weight += 1;
      for (const b of u) if (b !== a) observed += delta(a.v, b.v) / (u.length - 1);
    }
  }
  let expected = 0;
  for (let i = 0; i < pool.length; i++)
    for (let j = 0; j < pool.length; j++) if (i !== j) expected += delta(pool[i], pool[j]);
  expected /= pool.length * (pool.length - 1);
  if (!expected || !weight) return null;
  return 1 - observed / weight / expected;
}

function randomData(seed: number): (number | null)[][] {
  const rand = seededRandom(seed);
  const observers = 2 + Math.floor(rand() * 4);
  const units = 3 + Math.floor(rand() * 30);
  const missing = rand() * 0.5;
  // Some observers lean: it gives the data agreement to find, not only noise.
  return Array.from({ length: observers }, (_, o) =>
    Array.from({ length: units }, (_, u) =>
      rand() < missing
        ? null
        : Math.min(4, Math.max(1, ((u * 7) % 4) + 1 + (rand() < 0.4 ? Math.round(rand() * 2 - 1) + (o % 2) : 0))),
    ),
  );
}

describe("Krippendorff's alpha", () => {
  it("reproduces Krippendorff's published example: nominal 0.743, ordinal 0.815, interval 0.849", () => {
    const units = unitsOf(krippendorffC);
    const ordinal = krippendorffAlpha(units, "ordinal");
    expect(ordinal.alpha!.toFixed(3)).toBe("0.815");
    expect(krippendorffAlpha(units, "nominal").alpha!.toFixed(3)).toBe("0.743");
    expect(krippendorffAlpha(units, "interval").alpha!.toFixed(3)).toBe("0.849");
    // Unit 12 has one value and is not pairable: 40 pairable values in 11 units, as the paper counts n..
    expect(ordinal).toMatchObject({ pairable: 40, units: 11, thin: null });
  });

  it("builds the paper's coincidence matrix (its value 1 row: 7, 4/3, 1/3, 1/3, 0)", () => {
    const c = coincidences(unitsOf(krippendorffC));
    expect(c.values).toEqual([1, 2, 3, 4, 5]);
    expect(c.matrix[0].map((x) => Math.round(x * 1000) / 1000)).toEqual([7, 1.333, 0.333, 0.333, 0]);
    expect(c.totals.map((x) => Math.round(x * 1000) / 1000)).toEqual([9, 13, 10, 5, 3]);
  });

  it("agrees with a second, pairwise computation on random data, for every metric", () => {
    for (let seed = 1; seed <= 60; seed++) {
      const data = randomData(seed);
      for (const metric of ["nominal", "ordinal", "interval"] as const) {
        const expected = bruteForceAlpha(data, metric);
        const { alpha } = krippendorffAlpha(unitsOf(data), metric);
        if (expected === null) expect(alpha, `seed ${seed} ${metric}`).toBeNull();
        else expect(alpha, `seed ${seed} ${metric}`).toBeCloseTo(expected, 10);
      }
    }
  });

  it("counts a unit shared by several identical units once per unit", () => {
    const data = randomData(7);
    const units = unitsOf(data);
    const doubled = krippendorffAlpha([...units, ...units]);
    const weighted = krippendorffAlpha(units.map((u) => ({ ...u, times: 2 })));
    expect(weighted.alpha).toBeCloseTo(doubled.alpha!, 12);
    expect(weighted.pairable).toBe(doubled.pairable);
  });

  it("treats a missing value as missing, not as a low rating", () => {
    const complete = krippendorffAlpha(
      unitsOf([
        [4, 3, 2, 1],
        [4, 3, 2, 1],
      ]),
    );
    expect(complete.alpha).toBe(1);
    // The second observer skipped a unit: what remains still agrees perfectly.
    expect(
      krippendorffAlpha(
        unitsOf([
          [4, 3, 2, 1],
          [4, null, 2, 1],
        ]),
      ).alpha,
    ).toBe(1);
  });

  it("says when the figure is too thin to read", () => {
    // Nothing pairable: each unit has one value.
    expect(
      krippendorffAlpha(
        unitsOf([
          [1, 2, 3],
          [null, null, null],
        ]),
      ),
    ).toMatchObject({ alpha: null, pairable: 0, thin: "too few" });
    // Pairable but few.
    const few = krippendorffAlpha(
      unitsOf([
        [1, 2, 3],
        [1, 2, 4],
      ]),
    );
    expect(few).toMatchObject({ pairable: 6, thin: "too few" });
    expect(agreementText(few)).toBe("not enough overlap yet");
    // Plenty, but everyone gave the same rating: agreement cannot be told from chance (0 / 0).
    const same = krippendorffAlpha([{ values: [3, 3], times: MIN_PAIRABLE }]);
    expect(same).toMatchObject({ alpha: null, pairable: 2 * MIN_PAIRABLE, thin: "no variation" });
    expect(agreementText(same)).toBe("no variation yet");
    const enough = krippendorffAlpha([
      { values: [3, 3], times: MIN_PAIRABLE / 2 },
      { values: [2, 3], times: 1 },
    ]);
    expect(enough.thin).toBeNull();
    expect(agreementText(enough)).toBe(enough.alpha!.toFixed(2));
  });
});

describe("an observer against the others", () => {
  const asObserverUnits = (data: (number | null)[][], o: number) =>
    data[0].flatMap((_, u) => {
      const own = data[o][u];
      const values = data.map((row) => row[u]).filter((v): v is number => v !== null);
      return own === null ? [] : [{ own, values }];
    });

  it("counts only the pairs the observer is part of, against the whole data's chance level", () => {
    for (let seed = 1; seed <= 40; seed++) {
      const data = randomData(seed);
      for (let o = 0; o < data.length; o++) {
        const expected = bruteForceAlpha(data, "ordinal", o);
        const { alpha } = observerAlpha(asObserverUnits(data, o), unitsOf(data));
        if (expected === null) expect(alpha, `seed ${seed} observer ${o}`).toBeNull();
        else expect(alpha, `seed ${seed} observer ${o}`).toBeCloseTo(expected, 10);
      }
    }
  });

  it("averages, weighted by each observer's pairable values, to the panel's observed disagreement", () => {
    for (let seed = 1; seed <= 20; seed++) {
      const data = randomData(seed);
      const panel = krippendorffAlpha(unitsOf(data));
      if (panel.alpha === null) continue;
      const observers = data.map((_, o) => observerAlpha(asObserverUnits(data, o), unitsOf(data)));
      const weighted = observers.reduce((sum, x) => sum + x.own * (1 - (x.alpha ?? 1)), 0);
      expect(weighted, `seed ${seed}`).toBeCloseTo(panel.pairable * (1 - panel.alpha), 9);
    }
  });

  it("is lowest for the observer who departs from the others, and counts what it rests on", () => {
    const data = [
      [1, 2, 3, 4, 1, 2, 3, 4],
      [1, 2, 3, 4, 1, 2, 3, 4],
      [4, 3, 2, 1, 4, 3, 2, 1],
    ];
    const [a, b, c] = data.map((_, o) => observerAlpha(asObserverUnits(data, o), unitsOf(data)));
    expect(a.alpha).toBeCloseTo(b.alpha!, 12);
    expect(c.alpha!).toBeLessThan(a.alpha!);
    // Krippendorff's observer C shares 10 units with someone; the values there, C's and the others', are 37.
    const all = unitsOf(krippendorffC);
    expect(observerAlpha(asObserverUnits(krippendorffC, 2), all)).toMatchObject({ own: 10, units: 10, pairable: 37 });
  });
});
