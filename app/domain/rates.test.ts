import { describe, expect, it } from "vitest";
import { bandText, ratePosition, scaleForPay, scalesForBudget } from "./rates";

describe("ratePosition", () => {
  it("places a contractor's $120/h within the senior production range", () => {
    expect(ratePosition({ max: 120, currency: "USD", scale: "contractor" })).toMatchObject({
      position: "within",
      text: "within senior production contractors ($100-$200/h)",
    });
  });

  it("shows an outlier below and above a scale, naming the nearest range", () => {
    expect(ratePosition({ max: 60, currency: "USD", scale: "contractor" })?.text).toBe(
      "below senior production contractors ($100-$200/h)",
    );
    expect(ratePosition({ max: 400, currency: "USD", scale: "contractor" })?.text).toBe(
      "above specialist contractors ($200-$350/h)",
    );
    expect(ratePosition({ max: 140, currency: "USD", scale: "freelancer" })).toMatchObject({ position: "above" });
    expect(ratePosition({ max: 20, currency: "USD", scale: "freelancer" })).toMatchObject({ position: "below" });
  });

  it("names every range a rate falls in where ranges overlap", () => {
    expect(ratePosition({ max: 190_000, currency: "USD", scale: "full_time" })?.text).toBe(
      "within mid-level salaries ($150K-$200K a year) and senior salaries ($180K-$280K a year)",
    );
    expect(ratePosition({ max: 200, currency: "USD", scale: "contractor" })?.bands).toHaveLength(2);
  });

  it("has no ceiling where the domain gives none", () => {
    expect(ratePosition({ max: 450_000, currency: "USD", scale: "full_time" })).toMatchObject({
      position: "within",
      text: "within staff salaries ($280K+ a year)",
    });
  });

  it("places a range by its ends: within, starting below, reaching above, or wider", () => {
    expect(ratePosition({ min: 110, max: 180, currency: "USD", scale: "contractor" })?.position).toBe("within");
    expect(ratePosition({ min: 90, max: 150, currency: "USD", scale: "agency_contractor" })?.position).toBe("within");
    expect(ratePosition({ min: 60, max: 150, currency: "USD", scale: "agency_contractor" })?.text).toBe(
      "below contractors placed by agencies ($80-$180/h)",
    );
    expect(ratePosition({ min: 90, max: 220, currency: "USD", scale: "agency_contractor" })?.position).toBe("above");
    expect(ratePosition({ min: 10, max: 150, currency: "USD", scale: "freelancer" })?.position).toBe("wider");
  });

  it("does not compare other currencies with the US dollar ranges", () => {
    expect(ratePosition({ max: 120, currency: "EUR", scale: "contractor" })).toBeNull();
  });

  it("writes ranges short", () => {
    expect(bandText({ label: "x", min: 25, max: 100 }, "hour")).toBe("$25-$100/h");
    expect(bandText({ label: "x", min: 280_000, max: null }, "year")).toBe("$280K+ a year");
  });
});

describe("choosing the scale", () => {
  it("reads pay by how it is paid and how the person would be engaged", () => {
    expect(scaleForPay("annual", "full_time")).toBe("full_time");
    expect(scaleForPay("hourly", "contractor")).toBe("contractor");
    expect(scaleForPay("hourly", "freelancer")).toBe("freelancer");
    expect(scaleForPay("hourly", "agency_placed")).toBe("agency_contractor");
    expect(scaleForPay("hourly", "full_time")).toBeNull();
    expect(scaleForPay("fixed", "contractor")).toBeNull();
    expect(scaleForPay(null, "contractor")).toBeNull();
  });

  it("reads a budget as a salary band, or an hourly cap against each model the role considers", () => {
    expect(scalesForBudget("salary", ["contractor"])).toEqual(["full_time"]);
    expect(scalesForBudget("hourly", ["freelancer", "agency", "contractor"])).toEqual([
      "contractor",
      "agency_contractor",
      "freelancer",
    ]);
    expect(scalesForBudget("hourly", ["full_time_ai_engineer"])).toEqual(["contractor"]);
    expect(scalesForBudget("fixed", ["agency"])).toEqual([]);
    expect(scalesForBudget(null, [])).toEqual([]);
  });
});
