import type { SerializeFrom } from "@remix-run/node";
import type { comparisonPage } from "~/models/rollup-view.server";

/** The comparison page's figures, as the browser receives them. */
export type ComparisonData = SerializeFrom<NonNullable<ReturnType<typeof comparisonPage>>>;
export type Compared = ComparisonData["candidates"][number];
export type ComparedArea = ComparisonData["areas"][number];
