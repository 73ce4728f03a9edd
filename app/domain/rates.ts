// Where a stated rate sits among the market ranges for its kind of engagement, so an
// outlier shows next to the figure: "$120/h, within senior production contractors
// ($100-$200/h)". The ranges are US dollar figures; other currencies are not compared.
import type { ApplicationEngagement, PayKind } from "./reference";

export type RateBand = { label: string; min: number; max: number | null };
export type RateUnit = "hour" | "year";
export type RateScale = "contractor" | "agency_contractor" | "freelancer" | "full_time";

/** The ranges, lowest first, per kind of engagement; `max: null` has no ceiling. */
export const rateScales: Record<RateScale, { unit: RateUnit; bands: RateBand[] }> = {
  contractor: {
    unit: "hour",
    bands: [
      { label: "senior production contractors", min: 100, max: 200 },
      { label: "specialist contractors", min: 200, max: 350 },
    ],
  },
  agency_contractor: { unit: "hour", bands: [{ label: "contractors placed by agencies", min: 80, max: 180 }] },
  freelancer: { unit: "hour", bands: [{ label: "marketplace freelancers", min: 25, max: 100 }] },
  full_time: {
    unit: "year",
    bands: [
      { label: "mid-level salaries", min: 150_000, max: 200_000 },
      { label: "senior salaries", min: 180_000, max: 280_000 },
      { label: "staff salaries", min: 280_000, max: null },
    ],
  },
};

export const RATE_RANGE_CURRENCY = "USD";

export type RatePosition = {
  position: "below" | "within" | "above" | "wider";
  scale: RateScale;
  /** The bands it sits in (within), or the nearest one (below, above); the whole scale for a range wider than it. */
  bands: RateBand[];
  /** "within senior production contractors ($100-$200/h)". */
  text: string;
};

const money = (n: number, unit: RateUnit) =>
  unit === "year" ? `$${n % 1000 === 0 ? `${n / 1000}K` : n.toLocaleString("en-US")}` : `$${n}`;

/** "$100-$200/h", "$150K-$200K a year", "$280K+ a year". */
export function bandText(band: RateBand, unit: RateUnit): string {
  const span = band.max === null ? `${money(band.min, unit)}+` : `${money(band.min, unit)}-${money(band.max, unit)}`;
  return unit === "hour" ? `${span}/h` : `${span} a year`;
}

const named = (bands: RateBand[], unit: RateUnit) =>
  bands.map((b) => `${b.label} (${bandText(b, unit)})`).join(" and ");

const inBand = (amount: number, b: RateBand) => amount >= b.min && (b.max === null || amount <= b.max);

/**
 * Where a rate, or a range of rates (a budget, a rate card), sits on a scale. A range is within when both ends
 * are; it is below or above when an end falls outside on that side, and wider when it spills over both.
 * Null for another currency than the ranges' own.
 */
export function ratePosition(input: {
  min?: number | null;
  max: number;
  currency: string;
  scale: RateScale;
}): RatePosition | null {
  if (input.currency !== RATE_RANGE_CURRENCY) return null;
  const { unit, bands } = rateScales[input.scale];
  const low = input.min ?? input.max;
  const high = input.max;
  const floor = bands[0];
  const top = bands[bands.length - 1];
  const under = low < floor.min;
  const over = top.max !== null && high > top.max;
  const scale = input.scale;
  if (under && over) return { position: "wider", scale, bands, text: `wider than the range (${named(bands, unit)})` };
  if (under) return { position: "below", scale, bands: [floor], text: `below ${named([floor], unit)}` };
  if (over) return { position: "above", scale, bands: [top], text: `above ${named([top], unit)}` };
  const within = bands.filter((b) => inBand(low, b) || inBand(high, b));
  return { position: "within", scale, bands: within, text: `within ${named(within, unit)}` };
}

/** The scale a person's stated pay is read against, by how it is paid and how they would be engaged. */
export function scaleForPay(payKind: PayKind | null, engagement: ApplicationEngagement | null): RateScale | null {
  if (payKind === "annual") return "full_time";
  if (payKind !== "hourly") return null;
  if (engagement === "freelancer") return "freelancer";
  if (engagement === "agency_placed" || engagement === "agency_bid") return "agency_contractor";
  if (engagement === "contractor") return "contractor";
  return null;
}

/** The scales a role's budget is read against: a salary band against salaries, an hourly cap per model considered. */
export function scalesForBudget(
  budgetKind: "salary" | "hourly" | "fixed" | null,
  considered: readonly string[],
): RateScale[] {
  if (budgetKind === "salary") return ["full_time"];
  if (budgetKind !== "hourly") return [];
  const scales: RateScale[] = [];
  if (considered.includes("contractor")) scales.push("contractor");
  if (considered.includes("agency")) scales.push("agency_contractor");
  if (considered.includes("freelancer")) scales.push("freelancer");
  return scales.length ? scales : ["contractor"];
}
