import type { SerializeFrom } from "@remix-run/node";
import type { loader as gradeLoader } from "~/routes/take-homes.$takeHomeId.grade";
import type { loader as takeHomeLoader } from "~/routes/take-homes.$takeHomeId._index";

/** What the grading page's loader sends, as the page receives it. */
export type GradeData = SerializeFrom<typeof gradeLoader>;
/** What the take-home page's loader sends, as the page receives it. */
export type TakeHomeData = SerializeFrom<typeof takeHomeLoader>;
