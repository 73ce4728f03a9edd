// GET /api/v1/applications/{applicationId}: one application, its stage and latest decision. Pay only with the pay
// scope; an erased candidate's name is null.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { parseId } from "~/domain/api";
import { getApiApplication } from "~/models/api-read.server";
import { apiJson, apiNotFound, serveApi } from "~/utils/api-auth.server";

export async function loader(args: LoaderFunctionArgs) {
  return serveApi(args, "routes/api.v1.applications.$applicationId._index", ({ params, withPay }) => {
    const id = parseId(params.applicationId);
    const application = id === null ? null : getApiApplication(id, withPay);
    return application ? apiJson(application) : apiNotFound("application");
  });
}
