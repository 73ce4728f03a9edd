import { describe, expect, it } from "vitest";
import { checkMove, roleAge, roleAgeText, timeToHireNorm } from "./pipeline";
import { DAY_MS } from "./dates";

describe("time to hire against the 90-120 day norm", () => {
  it("is under before day 90, within from 90 to 120 inclusive, past after", () => {
    expect([0, 89, 90, 105, 120, 121, 400].map(timeToHireNorm)).toEqual([
      "under",
      "under",
      "within",
      "within",
      "within",
      "past",
      "past",
    ]);
  });
});

describe("moves", () => {
  it("needs a reason to reject", () => {
    expect(checkMove({ from: "screening", to: "rejected", rejectionReason: null })?.field).toBe("rejectionReason");
    expect(checkMove({ from: "screening", to: "rejected", rejectionReason: "Weak evals evidence" })).toBeNull();
    expect(checkMove({ from: "final", to: "final", rejectionReason: null })).toEqual({
      field: "toStage",
      message: "Already in Final",
    });
  });

  it("undoes a hire only with a reason and a confirmation", () => {
    expect(checkMove({ from: "hired", to: "sourced", rejectionReason: null })?.field).toBe("note");
    expect(
      checkMove({ from: "hired", to: "sourced", rejectionReason: null, note: "Start date fell through" })?.field,
    ).toBe("confirmUndoHire");
    expect(
      checkMove({
        from: "hired",
        to: "sourced",
        rejectionReason: null,
        note: "Start date fell through",
        confirmUndoHire: true,
      }),
    ).toBeNull();
    expect(checkMove({ from: "offer", to: "sourced", rejectionReason: null })).toBeNull();
  });
});

describe("roleAge", () => {
  const day = DAY_MS;
  const now = new Date("2026-11-22T12:00:00Z");
  const created = new Date(now.getTime() - 130 * day);
  const fullTime = ["full_time_ai_engineer", "contractor"];
  it("counts to now while open or on hold, to the settling date once filled or closed", () => {
    expect(roleAge({ status: "open", createdAt: created, closedAt: null, engagementModels: fullTime }, now)).toEqual({
      days: 130,
      phase: "open",
      norm: "past",
    });
    expect(roleAge({ status: "on_hold", createdAt: created, closedAt: null, engagementModels: fullTime }, now)).toEqual(
      { days: 130, phase: "on_hold", norm: "past" },
    );
    expect(
      roleAge(
        {
          status: "filled",
          createdAt: created,
          closedAt: new Date(created.getTime() + 95 * day),
          engagementModels: fullTime,
        },
        now,
      ),
    ).toEqual({ days: 95, phase: "filled", norm: "within" });
    expect(
      roleAge(
        {
          status: "closed",
          createdAt: created,
          closedAt: new Date(created.getTime() + 40 * day),
          engagementModels: fullTime,
        },
        now,
      ),
    ).toMatchObject({ days: 40, phase: "closed" });
    expect(
      roleAge({ status: "draft", createdAt: created, closedAt: null, engagementModels: fullTime }, now).phase,
    ).toBe("draft");
  });
  it("holds a role that seeks no permanent hire to no full-time norm", () => {
    const contractOnly = {
      status: "open",
      createdAt: new Date(now.getTime() - 67 * day),
      closedAt: null,
      engagementModels: ["contractor", "agency", "freelancer"],
    };
    expect(roleAge(contractOnly, now)).toEqual({ days: 67, phase: "open", norm: null });
    expect(roleAgeText(roleAge(contractOnly, now))).toBe("Open 67 days");
    expect(roleAgeText(roleAge({ ...contractOnly, status: "filled", closedAt: now }, now))).toBe(
      "Filled after 67 days",
    );
    // One permanent model among others is enough for the norm to apply.
    expect(roleAge({ ...contractOnly, engagementModels: ["data_engineer", "contractor"] }, now).norm).toBe("under");
  });
  it("says it in one phrase", () => {
    expect(roleAgeText({ days: 1, phase: "open", norm: "under" })).toBe(
      "Open 1 day (under the 90-120 days a full-time hire usually takes)",
    );
    expect(roleAgeText({ days: 95, phase: "filled", norm: "within" })).toBe(
      "Filled after 95 days (within the 90-120 days a full-time hire usually takes)",
    );
    expect(roleAgeText({ days: 40, phase: "closed", norm: "under" })).toBe("Closed after 40 days");
    expect(roleAgeText({ days: 130, phase: "on_hold", norm: "past" })).toBe(
      "On hold, open 130 days (past the 90-120 days a full-time hire usually takes)",
    );
    expect(roleAgeText({ days: 3, phase: "draft", norm: "under" })).toBe("Created 3 days ago, not open yet");
  });
});
