import { describe, expect, it } from "vitest";
import { vettingConcern, vettingCountsText, vettingGlanceText } from "./agency";

const glance = (good: number, weak: number, bad: number, handover: boolean | null, criteria: boolean | null) => ({
  vetting: { good, weak, bad, unasked: 4 - good - weak - bad },
  offersHandover: handover,
  writtenAcceptanceCriteria: criteria,
});

describe("an agency's vetting at a glance", () => {
  it("counts good, weak and bad answers and says what was not asked", () => {
    expect(vettingCountsText(glance(2, 2, 0, false, false))).toBe("2 good, 2 weak, 0 bad answers");
    expect(vettingCountsText(glance(1, 0, 1, null, null))).toBe("1 good, 0 weak, 1 bad answers (2 not asked)");
    expect(vettingCountsText(glance(0, 0, 0, null, null))).toBe("not vetted yet");
  });

  it("puts the handover package and written acceptance criteria on the same line", () => {
    expect(vettingGlanceText(glance(4, 0, 0, true, true))).toBe(
      "Vetting: 4 good, 0 weak, 0 bad answers; handover package: yes; written acceptance criteria: yes",
    );
    expect(vettingGlanceText(glance(0, 1, 3, false, null))).toBe(
      "Vetting: 0 good, 1 weak, 3 bad answers; handover package: no; written acceptance criteria: not recorded",
    );
  });

  it("flags a bad answer, or neither a handover package nor written criteria", () => {
    expect(vettingConcern(glance(4, 0, 0, true, true))).toBe(false);
    expect(vettingConcern(glance(3, 0, 1, true, true))).toBe(true);
    expect(vettingConcern(glance(2, 2, 0, false, false))).toBe(true);
    expect(vettingConcern(glance(2, 2, 0, true, false))).toBe(false);
  });
});
