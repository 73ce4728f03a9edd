import { describe, expect, it } from "vitest";
import {
  againstTotal,
  checkDecision,
  decisionAtStage,
  needsDecision,
  seesRationale,
  stageAfter,
  type Evidence,
} from "./decision";

const now = new Date("2026-05-10T12:00:00Z");
const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000);

describe("against the weighted total", () => {
  it("flags a yes under 2.5 and a no at 3 or above, never a hold", () => {
    expect(againstTotal({ outcome: "hire", weightedTotal: 2.49, mustPassBelow: [] }).against).toBe(true);
    expect(againstTotal({ outcome: "advance", weightedTotal: 2.2, mustPassBelow: [] }).against).toBe(true);
    expect(againstTotal({ outcome: "hire", weightedTotal: 2.5, mustPassBelow: [] }).against).toBe(false);
    expect(againstTotal({ outcome: "reject", weightedTotal: 3, mustPassBelow: [] }).against).toBe(true);
    expect(againstTotal({ outcome: "reject", weightedTotal: 2.99, mustPassBelow: [] }).against).toBe(false);
    expect(againstTotal({ outcome: "hold", weightedTotal: 1, mustPassBelow: ["Security"] }).against).toBe(false);
  });

  it("flags a hire with a must-pass area under the bar, even on a high total, and says why", () => {
    const r = againstTotal({ outcome: "hire", weightedTotal: 3.4, mustPassBelow: ["Security"] });
    expect(r).toEqual({ against: true, reasons: ["Hire with a must-pass area under the bar: Security"] });
    expect(againstTotal({ outcome: "advance", weightedTotal: 3.4, mustPassBelow: ["Security"] }).against).toBe(false);
  });

  it("cannot go against a total that does not exist", () => {
    expect(againstTotal({ outcome: "hire", weightedTotal: null, mustPassBelow: [] }).against).toBe(false);
    expect(againstTotal({ outcome: "reject", weightedTotal: null, mustPassBelow: [] }).against).toBe(false);
  });
});

describe("where a decision takes the application", () => {
  it("advances one stage, rejects to Rejected, and leaves hire and hold where they are", () => {
    expect(stageAfter("advance", "interviewing")).toBe("take_home");
    expect(stageAfter("advance", "final")).toBe("offer");
    expect(stageAfter("advance", "hired")).toBeNull();
    expect(stageAfter("reject", "final")).toBe("rejected");
    expect(stageAfter("hire", "final")).toBeNull();
    expect(stageAfter("hold", "screening")).toBeNull();
  });
});

describe("checking a decision", () => {
  const base = {
    stage: "final" as const,
    outcome: "hire" as const,
    citedAreas: ["evals"],
    citedScorecards: [],
    areaKeys: ["evals", "security"],
    scorecardIds: [7, 8],
    changing: false,
    changeReason: null,
  };
  it("accepts a decision citing the template's areas and the application's scorecards", () => {
    expect(checkDecision({ ...base, citedScorecards: [7] })).toEqual([]);
  });
  it("needs at least one cited area, of the template the scorecards were filled against", () => {
    expect(checkDecision({ ...base, citedAreas: [] }).map((p) => p.field)).toEqual(["citedAreas"]);
    expect(checkDecision({ ...base, citedAreas: ["evals", "vibes"] }).map((p) => p.field)).toEqual(["citedAreas"]);
  });
  it("refuses another application's scorecards", () => {
    expect(checkDecision({ ...base, citedScorecards: [9] }).map((p) => p.field)).toEqual(["citedScorecards"]);
  });
  it("needs a reason to change a decision taken at this stage", () => {
    expect(checkDecision({ ...base, changing: true }).map((p) => p.field)).toEqual(["changeReason"]);
    expect(checkDecision({ ...base, changing: true, changeReason: "Reference call came back" })).toEqual([]);
  });
  it("refuses decisions on closed applications and advancing past the last stage", () => {
    expect(checkDecision({ ...base, stage: "rejected" }).map((p) => p.field)).toEqual(["outcome"]);
    expect(checkDecision({ ...base, stage: "hired", outcome: "advance" }).map((p) => p.field)).toContain("outcome");
  });
});

describe("the decision at a stage", () => {
  it("is the newest one recorded at that stage", () => {
    const list = [
      { id: 1, stage: "interviewing", decidedAt: hoursAgo(50) },
      { id: 2, stage: "final", decidedAt: hoursAgo(10) },
      { id: 3, stage: "final", decidedAt: hoursAgo(2) },
    ];
    expect(decisionAtStage(list, "final")?.id).toBe(3);
    expect(decisionAtStage(list, "offer")).toBeNull();
  });
});

describe("needs a decision", () => {
  const seat = (
    status: "draft" | "submitted" | null,
    endedHoursAgo: number,
    submittedHoursAgo: number | null = null,
  ) => ({
    status,
    endsAt: hoursAgo(endedHoursAgo),
    submittedAt: submittedHoursAgo === null ? null : hoursAgo(submittedHoursAgo),
  });
  const ready: Evidence = {
    stage: "final",
    seats: [seat("submitted", 30, 20), seat("submitted", 30, 5)],
    takeHomes: [],
    decidedStages: [],
  };

  it("when every owed scorecard is in, dated by the last one", () => {
    expect(needsDecision(ready, now)).toEqual(hoursAgo(5));
  });
  it("not while a scorecard is due, overdue, drafted or for an interview still to come", () => {
    expect(needsDecision({ ...ready, seats: [...ready.seats, seat(null, 2)] }, now)).toBeNull();
    expect(needsDecision({ ...ready, seats: [...ready.seats, seat("draft", 40)] }, now)).toBeNull();
    expect(needsDecision({ ...ready, seats: [...ready.seats, seat(null, -3)] }, now)).toBeNull();
  });
  it("not before any interview, nor while a take-home is ungraded", () => {
    expect(needsDecision({ ...ready, seats: [] }, now)).toBeNull();
    expect(needsDecision({ ...ready, takeHomes: [{ status: "grading", gradedAt: null }] }, now)).toBeNull();
  });
  it("counts a graded take-home's last grade, and a waived one as nothing to wait for", () => {
    expect(needsDecision({ ...ready, takeHomes: [{ status: "graded", gradedAt: hoursAgo(1) }] }, now)).toEqual(
      hoursAgo(1),
    );
    expect(needsDecision({ ...ready, takeHomes: [{ status: "waived", gradedAt: null }] }, now)).toEqual(hoursAgo(5));
  });
  it("not once decided at the current stage, nor when closed; a decision at an earlier stage does not count", () => {
    expect(needsDecision({ ...ready, decidedStages: ["final"] }, now)).toBeNull();
    expect(needsDecision({ ...ready, stage: "rejected" }, now)).toBeNull();
    expect(needsDecision({ ...ready, decidedStages: ["interviewing"] }, now)).toEqual(hoursAgo(5));
  });
});

describe("who reads the rationale", () => {
  it("those who see every scorecard; others only with nothing owed and the panel's cards open to them", () => {
    expect(seesRationale({ seesAll: true, blind: true, seatsOwed: 1, viewerHasSubmitted: false })).toBe(true);
    expect(seesRationale({ seesAll: false, blind: true, seatsOwed: 1, viewerHasSubmitted: false })).toBe(false);
    expect(seesRationale({ seesAll: false, blind: false, seatsOwed: 1, viewerHasSubmitted: false })).toBe(false);
    expect(seesRationale({ seesAll: false, blind: true, seatsOwed: 0, viewerHasSubmitted: true })).toBe(true);
    expect(seesRationale({ seesAll: false, blind: true, seatsOwed: 0, viewerHasSubmitted: false })).toBe(false);
    expect(seesRationale({ seesAll: false, blind: false, seatsOwed: 0, viewerHasSubmitted: false })).toBe(true);
  });
});
