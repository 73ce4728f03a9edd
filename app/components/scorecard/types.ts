import type { SerializeFrom } from "@remix-run/node";
import type { loader } from "~/routes/interviews.$interviewId.scorecard";

/** What the scorecard page's loader sends, as the page receives it. */
export type ScorecardPageData = SerializeFrom<typeof loader>;
/** An area's name on this interview's template, or its key if the template no longer has it. */
export type AreaName = (key: string) => string;
