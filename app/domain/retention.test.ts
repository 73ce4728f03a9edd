import { describe, expect, it } from "vitest";
import {
  addMonths,
  effectiveMonths,
  holdApplies,
  keepUntil,
  retentionPlan,
  type RetentionCandidate,
} from "./retention";

const now = new Date("2026-12-07T10:00:00Z");
const noConsent = { givenAt: null, source: null, expiresAt: null };

function candidate(id: number, lastActivity: string, more: Partial<RetentionCandidate> = {}): RetentionCandidate {
  return {
    id,
    lastActivity: new Date(`${lastActivity}T12:00:00Z`),
    erased: false,
    active: false,
    holds: [],
    retainConsent: noConsent,
    ...more,
  };
}

describe("addMonths", () => {
  it("adds calendar months, clamping the day to the month's end", () => {
    expect(addMonths("2024-01-31", 1)).toBe("2024-02-29");
    expect(addMonths("2023-01-31", 1)).toBe("2023-02-28");
    expect(addMonths("2024-12-07", 24)).toBe("2026-12-07");
    expect(addMonths("2024-05-15", 0)).toBe("2024-05-15");
  });
});

describe("the minimum is respected", () => {
  it("a period under the minimum is raised to it", () => {
    expect(effectiveMonths({ months: 6, minMonths: 24 })).toBe(24);
    expect(effectiveMonths({ months: 36, minMonths: 24 })).toBe(36);
    expect(effectiveMonths({ months: null, minMonths: 24 })).toBeNull();
  });

  it("keeps a candidate inactive for 12 months when the period is 6 and the minimum 24", () => {
    const plan = retentionPlan(
      [candidate(1, "2025-12-01"), candidate(2, "2024-11-30")],
      { months: 6, minMonths: 24 },
      now,
    );
    expect(plan.due.map((d) => d.candidateId)).toEqual([2]);
    expect(plan.due[0]).toMatchObject({ lastActivity: "2024-11-30", keepUntil: "2026-11-30", keptBy: "minimum" });
    expect(plan.due[0].reason).toContain("legal minimum of 24 months");
  });

  it("the keep-until day itself is kept (inclusive); the day after it is due", () => {
    const plan = retentionPlan(
      [candidate(1, "2024-12-07"), candidate(2, "2024-12-06")],
      { months: 24, minMonths: 24 },
      now,
    );
    expect(plan.due.map((d) => d.candidateId)).toEqual([2]);
  });

  it("no rule set: no one is due", () => {
    const plan = retentionPlan([candidate(1, "2010-01-01")], { months: null, minMonths: 24 }, now);
    expect(plan).toMatchObject({ due: [], ruleSet: false });
  });
});

describe("holds are respected", () => {
  it("a hold that applies keeps the candidate, and its end date is their keep-until day", () => {
    const held = candidate(1, "2020-01-01", { holds: [{ until: "2027-03-01", endedAt: null }] });
    const plan = retentionPlan([held], { months: 24, minMonths: 24 }, now);
    expect(plan.due).toEqual([]);
    expect(plan.keptByHoldOrConsent).toBe(1);
    expect(keepUntil(held, { months: 24, minMonths: 24 }, "2026-12-07")).toEqual({
      keepUntil: "2027-03-01",
      keptBy: "hold",
    });
  });

  it("a hold HR ended, or whose end date is past, no longer keeps them", () => {
    const ended = candidate(1, "2020-01-01", {
      holds: [{ until: "2030-01-01", endedAt: new Date("2026-11-01T00:00:00Z") }],
    });
    const past = candidate(2, "2020-01-01", { holds: [{ until: "2026-12-06", endedAt: null }] });
    expect(holdApplies(ended.holds[0], "2026-12-07")).toBe(false);
    const plan = retentionPlan([ended, past], { months: 24, minMonths: 24 }, now);
    expect(plan.due.map((d) => [d.candidateId, d.keepUntil, d.keptBy])).toEqual([
      [1, "2022-01-01", "period"],
      [2, "2026-12-06", "hold"],
    ]);
  });
});

describe("the later date wins", () => {
  const rule = { months: 36, minMonths: 24 };
  it("the admin's longer period beats the minimum", () => {
    expect(keepUntil(candidate(1, "2024-01-10"), rule, "2026-12-07")).toEqual({
      keepUntil: "2027-01-10",
      keptBy: "period",
    });
  });
  it("a current consent to be kept on file with a later last day beats the period and an earlier hold", () => {
    const c = candidate(1, "2020-01-10", {
      holds: [{ until: "2027-01-01", endedAt: null }],
      retainConsent: { givenAt: "2025-01-01", source: "email", expiresAt: "2028-01-01" },
    });
    expect(keepUntil(c, rule, "2026-12-07")).toEqual({ keepUntil: "2028-01-01", keptBy: "consent" });
  });
  it("an expired consent does not keep them", () => {
    const c = candidate(1, "2020-01-10", {
      retainConsent: { givenAt: "2021-01-01", source: "email", expiresAt: "2026-01-01" },
    });
    expect(retentionPlan([c], rule, now).due.map((d) => d.keptBy)).toEqual(["period"]);
  });
  it("a later hold beats an earlier consent", () => {
    const c = candidate(1, "2020-01-10", {
      holds: [{ until: "2029-01-01", endedAt: null }],
      retainConsent: { givenAt: "2025-01-01", source: "email", expiresAt: "2028-01-01" },
    });
    expect(keepUntil(c, rule, "2026-12-07").keptBy).toBe("hold");
  });
});

describe("an active application is never erased", () => {
  it("however old the last activity", () => {
    const plan = retentionPlan(
      [candidate(1, "2001-01-01", { active: true }), candidate(2, "2001-01-01")],
      { months: 12, minMonths: 12 },
      now,
    );
    expect(plan.due.map((d) => d.candidateId)).toEqual([2]);
    expect(plan.active).toBe(1);
  });
  it("nor an already erased candidate again", () => {
    const plan = retentionPlan([candidate(1, "2001-01-01", { erased: true })], { months: 12, minMonths: 12 }, now);
    expect(plan.due).toEqual([]);
    expect(plan.alreadyErased).toBe(1);
  });
  it("lists the oldest activity first", () => {
    const plan = retentionPlan(
      [candidate(3, "2022-05-01"), candidate(1, "2021-05-01"), candidate(2, "2022-05-01")],
      { months: 24, minMonths: 24 },
      now,
    );
    expect(plan.due.map((d) => d.candidateId)).toEqual([1, 2, 3]);
  });
});
