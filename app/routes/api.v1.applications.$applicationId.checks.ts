// GET /api/v1/applications/{applicationId}/checks: the compliance checks bearing on it, type, status and dates;
// never background-check findings, notes or documents.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { parseId } from "~/domain/api";
import { getApiChecks } from "~/models/api-read.server";
import { apiJson, apiNotFound, serveApi } from "~/utils/api-auth.server";

export async function loader(args: LoaderFunctionArgs) {
  return serveApi(args, "routes/api.v1.applications.$applicationId.checks", ({ params }) => {
    const id = parseId(params.applicationId);
    const checks = id === null ? null : getApiChecks(id);
    return checks ? apiJson(checks) : apiNotFound("application");
  });
}
