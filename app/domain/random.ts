/**
 * A small seeded pseudo-random generator (mulberry32): the same seed gives the
 * same sequence on every machine, so the demo data, the benchmark's databases
 * and the property tests' random cases are reproducible. Not for secrets.
 */
export function seededRandom(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
