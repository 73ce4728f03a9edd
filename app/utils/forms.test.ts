import { describe, expect, it } from "vitest";
import { submittedValues, tickedOr, typedOr } from "./forms";

function form(entries: [string, string][]) {
  const fd = new FormData();
  for (const [k, v] of entries) fd.append(k, v);
  return fd;
}

describe("what a refused form sends back", () => {
  it("keeps every field as sent, groups as lists, and never a password", () => {
    const sent = submittedValues(
      form([
        ["name", "Ada"],
        ["panelIds", "3"],
        ["panelIds", "5"],
        ["password", "hunter2-long"],
        ["newPassword", "x"],
        ["currentPassword", "y"],
        ["$ACTION_ID", "z"],
      ]),
      ["panelIds", "focusAreas"],
    );
    expect(sent).toEqual({ name: "Ada", panelIds: ["3", "5"], focusAreas: [] });
  });

  it("starts fields from what was sent, blank where nothing was sent, else from the saved value", () => {
    const sent = { notes: "typed", panelIds: ["3"], recommendation: "yes" };
    expect(typedOr(sent, "notes", "saved")).toBe("typed");
    // A radio nobody chose, or a field the form did not send, starts blank rather than from the saved value.
    expect(typedOr(sent, "rating_evals", "4")).toBe("");
    expect(typedOr(null, "notes", "saved")).toBe("saved");
    expect(typedOr(undefined, "notes", "saved")).toBe("saved");
  });

  it("ticks boxes as they were sent: an unticked box is absent, so a default tick does not come back", () => {
    const sent = { panelIds: ["3"], recommendation: "yes", paid: "on" };
    expect(tickedOr(sent, "panelIds", "3", false)).toBe(true);
    expect(tickedOr(sent, "panelIds", "5", true)).toBe(false);
    expect(tickedOr(sent, "recommendation", "yes", false)).toBe(true);
    expect(tickedOr(sent, "recommendation", "no", true)).toBe(false);
    expect(tickedOr(sent, "anonymous", "on", true)).toBe(false);
    expect(tickedOr(null, "anonymous", "on", true)).toBe(true);
  });
});
