import type { SerializeFrom } from "@remix-run/node";
import type { loader } from "~/routes/applications.$applicationId._index";

/** What the application page's loader sends, as the page receives it: the sections take their parts of it. */
export type ApplicationData = SerializeFrom<typeof loader>;
