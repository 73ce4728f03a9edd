// GET /api/v1/applications/{applicationId}/scorecards: the summary of its submitted scorecards (counts,
// recommendations, area averages, the weighted total); never the panel's words.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { parseId } from "~/domain/api";
import { getApiScorecardSummary } from "~/models/api-read.server";
import { apiJson, apiNotFound, serveApi } from "~/utils/api-auth.server";

export async function loader(args: LoaderFunctionArgs) {
  return serveApi(args, "routes/api.v1.applications.$applicationId.scorecards", ({ params }) => {
    const id = parseId(params.applicationId);
    const summary = id === null ? null : getApiScorecardSummary(id);
    return summary ? apiJson(summary) : apiNotFound("application");
  });
}
