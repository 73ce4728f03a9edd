import { describe, expect, it } from "vitest";
import { groupTimeZones, listTimeZones } from "./time-zones";

describe("the time zones on offer", () => {
  it("lists UTC first and the runtime's zones once each", () => {
    const zones = listTimeZones();
    expect(zones[0]).toBe("UTC");
    expect(zones).toContain("America/Los_Angeles");
    expect(zones).toContain("Europe/Berlin");
    expect(new Set(zones).size).toBe(zones.length);
  });

  it("keeps a user's zone the runtime knows under another name", () => {
    expect(listTimeZones("Etc/GMT+5")).toContain("Etc/GMT+5");
    expect(listTimeZones("UTC").filter((z) => z === "UTC")).toHaveLength(1);
  });

  it("groups by region with readable place names", () => {
    const groups = groupTimeZones(["UTC", "America/Los_Angeles", "America/Argentina/Buenos_Aires", "Europe/Berlin"]);
    expect(groups).toEqual([
      { region: "Other", zones: [{ value: "UTC", label: "UTC" }] },
      {
        region: "America",
        zones: [
          { value: "America/Los_Angeles", label: "Los Angeles" },
          { value: "America/Argentina/Buenos_Aires", label: "Argentina / Buenos Aires" },
        ],
      },
      { region: "Europe", zones: [{ value: "Europe/Berlin", label: "Berlin" }] },
    ]);
  });
});
