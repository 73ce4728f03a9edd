import { describe, expect, it } from "vitest";
import { interviewChangeSchema } from "./interview-change";

const now = () => new Date("2026-12-07T12:00:00Z");
const reschedule = { intent: "reschedule", version: "3", durationMinutes: "45", panelIds: ["4", "7"] };

describe("the reschedule form", () => {
  it("reads the start in the actor's zone and adds the length", () => {
    const parsed = interviewChangeSchema("America/Los_Angeles", now).parse({
      ...reschedule,
      startsAt: "2026-12-08T10:00",
    });
    expect(parsed).toEqual({
      intent: "reschedule",
      version: 3,
      startsAt: new Date("2026-12-08T18:00:00Z"),
      endsAt: new Date("2026-12-08T18:45:00Z"),
      panelIds: [4, 7],
    });
  });

  it("asks to confirm a start in the past, in the actor's zone", () => {
    // 11:00 in Berlin is 10:00 UTC: two hours ago.
    const past = interviewChangeSchema("Europe/Berlin", now).safeParse({ ...reschedule, startsAt: "2026-12-07T11:00" });
    expect(past.success).toBe(false);
    expect(past.error!.issues.map((i) => i.path.join("."))).toEqual(["startsAt"]);
    // The same wall-clock time in Los Angeles is still ahead.
    expect(
      interviewChangeSchema("America/Los_Angeles", now).safeParse({ ...reschedule, startsAt: "2026-12-07T11:00" })
        .success,
    ).toBe(true);
    expect(
      interviewChangeSchema("Europe/Berlin", now).safeParse({
        ...reschedule,
        startsAt: "2026-12-07T11:00",
        confirmPast: "on",
      }).success,
    ).toBe(true);
  });

  it("needs a real time and at least one panelist", () => {
    const bad = interviewChangeSchema("UTC", now).safeParse({
      ...reschedule,
      startsAt: "2026-02-30T10:00",
      panelIds: [],
    });
    expect(bad.error!.issues.map((i) => i.path.join(".")).sort()).toEqual(["panelIds", "startsAt"]);
  });
});

describe("the cancel form", () => {
  it("takes an optional reason", () => {
    expect(interviewChangeSchema("UTC", now).parse({ intent: "cancel", version: "2" })).toEqual({
      intent: "cancel",
      version: 2,
      reason: null,
    });
    expect(
      interviewChangeSchema("UTC", now).parse({ intent: "cancel", version: "2", reason: " Withdrew " }),
    ).toMatchObject({
      reason: "Withdrew",
    });
  });
});
