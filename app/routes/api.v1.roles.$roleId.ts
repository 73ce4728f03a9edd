// GET /api/v1/roles/{roleId}: one role. Its budget only with the pay scope.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { parseId } from "~/domain/api";
import { getApiRole } from "~/models/api-read.server";
import { apiJson, apiNotFound, serveApi } from "~/utils/api-auth.server";

export async function loader(args: LoaderFunctionArgs) {
  return serveApi(args, "routes/api.v1.roles.$roleId", ({ params, withPay }) => {
    const id = parseId(params.roleId);
    const role = id === null ? null : getApiRole(id, withPay);
    return role ? apiJson(role) : apiNotFound("role");
  });
}
