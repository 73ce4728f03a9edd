import { describe, expect, it } from "vitest";
import { PAST_START_MESSAGE, scheduleSchemaFor } from "./interview";

const now = () => new Date("2026-12-07T14:00:00Z");
const form = (fields: Record<string, unknown>) => ({
  kind: "screen",
  durationMinutes: "60",
  panelIds: ["1"],
  focusAreas: ["evals"],
  tzOffset: "0",
  ...fields,
});

describe("the scheduling form's start", () => {
  it("reads the wall-clock start in the scheduler's zone, by that day's rules", () => {
    const la = scheduleSchemaFor({ zone: "America/Los_Angeles", now });
    expect(la.parse(form({ startsAt: "2027-12-14T10:00" })).startsAt.toISOString()).toBe("2027-12-14T18:00:00.000Z");
    expect(la.parse(form({ startsAt: "2027-07-14T10:00" })).startsAt.toISOString()).toBe("2027-07-14T17:00:00.000Z");
  });

  it("falls back to the browser's offset only without a zone", () => {
    const none = scheduleSchemaFor({ zone: null, now });
    const parsed = none.parse(form({ startsAt: "2027-12-14T10:00", tzOffset: "-480" }));
    expect(parsed.startsAt.toISOString()).toBe("2027-12-14T18:00:00.000Z");
  });

  it("refuses a start before now beside the start field, unless confirmed", () => {
    // 05:59 in Los Angeles is 13:59 UTC, a minute before now; 06:00 is now itself.
    const la = scheduleSchemaFor({ zone: "America/Los_Angeles", now });
    const refused = la.safeParse(form({ startsAt: "2026-12-07T05:59" }));
    expect(refused.success).toBe(false);
    expect(refused.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["startsAt", PAST_START_MESSAGE]]);
    expect(la.safeParse(form({ startsAt: "2026-12-07T05:59", confirmPast: "on" })).success).toBe(true);
    expect(la.safeParse(form({ startsAt: "2026-12-07T06:00" })).success).toBe(true);
  });
});
