// An agency's vetting at a glance, as the rollup, the comparison and its CSV say it. Pure.

export type VettingGlance = {
  vetting: { good: number; weak: number; bad: number; unasked: number };
  offersHandover: boolean | null;
  writtenAcceptanceCriteria: boolean | null;
};

const yesNo = (v: boolean | null) => (v === null ? "not recorded" : v ? "yes" : "no");

/** "2 good, 2 weak, 0 bad answers (of 4)", with the questions not asked yet when there are any. */
export function vettingCountsText(g: VettingGlance): string {
  const { good, weak, bad, unasked } = g.vetting;
  const asked = good + weak + bad;
  if (asked === 0) return "not vetted yet";
  return `${good} good, ${weak} weak, ${bad} bad answers${unasked ? ` (${unasked} not asked)` : ""}`;
}

/** The whole glance on one line, for a CSV cell or a screen reader. */
export function vettingGlanceText(g: VettingGlance): string {
  return [
    `Vetting: ${vettingCountsText(g)}`,
    `handover package: ${yesNo(g.offersHandover)}`,
    `written acceptance criteria: ${yesNo(g.writtenAcceptanceCriteria)}`,
  ].join("; ");
}

/** Worth a flag: any bad answer, or a bid or placement with neither a handover package nor written criteria. */
export function vettingConcern(g: VettingGlance): boolean {
  return g.vetting.bad > 0 || (g.offersHandover !== true && g.writtenAcceptanceCriteria !== true);
}
