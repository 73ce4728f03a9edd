import type { SerializeFrom } from "@remix-run/node";
import type { RollupPage } from "~/models/rollup-view.server";

/** The rollup page's loader data, as the browser receives it. */
export type RollupData = SerializeFrom<RollupPage>;
export type RollupRow = RollupData["rows"][number];
