import { describe, expect, it } from "vitest";
import { DAY_MS } from "./dates";
import { daysInStages, furthestStages, medianDaysInStage, passThroughRate, roleFunnel, type StageMove } from "./funnel";

const start = new Date("2026-03-02T09:00:00Z");
const day = (n: number) => new Date(start.getTime() + n * DAY_MS);
const move = (applicationId: number, toStage: string, on: number): StageMove => ({
  applicationId,
  toStage,
  movedAt: day(on),
});

// Application 1 went to interviewing and was rejected; 2 is in screening; 3 was hired.
const history: StageMove[] = [
  move(1, "sourced", 0),
  move(1, "screening", 2),
  move(1, "interviewing", 5),
  move(1, "rejected", 9),
  move(2, "sourced", 1),
  move(2, "screening", 4),
  move(3, "sourced", 0),
  move(3, "screening", 1),
  move(3, "interviewing", 3),
  move(3, "take_home", 6),
  move(3, "final", 10),
  move(3, "offer", 12),
  move(3, "hired", 13),
];
const applications = [
  { id: 1, stage: "rejected" as const },
  { id: 2, stage: "screening" as const },
  { id: 3, stage: "hired" as const },
];

describe("furthestStages", () => {
  it("keeps the furthest active stage each application reached; an exit does not count", () => {
    expect(furthestStages(history)).toEqual(
      new Map([
        [1, 2],
        [2, 1],
        [3, 6],
      ]),
    );
  });

  it("keeps the furthest even when an application moved back", () => {
    expect(furthestStages([move(1, "final", 0), move(1, "screening", 1)]).get(1)).toBe(4);
  });
});

describe("daysInStages", () => {
  it("counts stays that ended, and an open application's current stay up to now", () => {
    const now = day(20);
    const durations = daysInStages(history, new Map(applications.map((a) => [a.id, a.stage])), now);
    expect(durations.sourced).toEqual([2, 3, 1]);
    // Application 2 is still in screening: 16 days so far.
    expect(durations.screening).toEqual([3, 16, 2]);
    expect(durations.interviewing).toEqual([4, 3]);
    // A closed application's last stay has no end: neither "rejected" nor "hired" is counted.
    expect(durations.rejected).toBeUndefined();
    expect(durations.hired).toBeUndefined();
  });

  it("does not count a last stay that is not the application's current stage", () => {
    const durations = daysInStages([move(1, "screening", 0)], new Map([[1, "interviewing"]]), day(5));
    expect(durations).toEqual({});
  });
});

describe("passThroughRate and medianDaysInStage", () => {
  it("rounds the share to two decimals and has none when nobody reached the stage before", () => {
    expect(passThroughRate(2, 3)).toBe(0.67);
    expect(passThroughRate(0, 0)).toBeNull();
  });

  it("rounds the median to one decimal and has none without stays", () => {
    expect(medianDaysInStage([1, 2.25, 10])).toBe(2.3);
    expect(medianDaysInStage([1, 2])).toBe(1.5);
    expect(medianDaysInStage([])).toBeNull();
  });
});

describe("roleFunnel", () => {
  it("gives each active stage its count now, how many reached it, the pass-through and the median days", () => {
    const funnel = roleFunnel(applications, history, day(20));
    expect(funnel.map((f) => f.stage)).toEqual([
      "sourced",
      "screening",
      "interviewing",
      "take_home",
      "final",
      "offer",
      "hired",
    ]);
    expect(funnel[0]).toEqual({ stage: "sourced", current: 0, reached: 3, passThrough: null, medianDays: 2 });
    expect(funnel[1]).toEqual({ stage: "screening", current: 1, reached: 3, passThrough: 1, medianDays: 3 });
    expect(funnel[2]).toEqual({ stage: "interviewing", current: 0, reached: 2, passThrough: 0.67, medianDays: 3.5 });
    expect(funnel[3]).toEqual({ stage: "take_home", current: 0, reached: 1, passThrough: 0.5, medianDays: 4 });
    expect(funnel[6]).toEqual({ stage: "hired", current: 1, reached: 1, passThrough: 1, medianDays: null });
  });

  it("has no pass-through past a stage nobody reached", () => {
    const funnel = roleFunnel([{ id: 1, stage: "sourced" }], [move(1, "sourced", 0)], day(1));
    expect(funnel[1]).toMatchObject({ reached: 0, passThrough: 0 });
    expect(funnel[2]).toMatchObject({ reached: 0, passThrough: null });
  });
});
