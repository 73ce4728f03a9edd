import type { SerializeFrom } from "@remix-run/node";
import type { getComparisonPage } from "~/models/rollup-view.server";

/** The comparison page's figures, as the browser receives them. */
export type ComparisonData = SerializeFrom<NonNullable<ReturnType<typeof getComparisonPage>>>;
export type Compared = ComparisonData["candidates"][number];
export type ComparedArea = ComparisonData["areas"][number];
