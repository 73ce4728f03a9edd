// GET /api/v1/roles: roles in id order, paged; `status` filters. Budgets only with the pay scope.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { badRequest, isProblem, pageOf, parsePaging } from "~/domain/api";
import { roleStatuses, type RoleStatus } from "~/domain/reference";
import { listApiRoles } from "~/models/api-read.server";
import { apiJson, serveApi } from "~/utils/api-auth.server";

export async function loader(args: LoaderFunctionArgs) {
  return serveApi(args, "routes/api.v1.roles._index", ({ url, withPay }) => {
    const paging = parsePaging(url.searchParams);
    if (isProblem(paging)) return apiJson(paging, 400);
    const status = url.searchParams.get("status");
    if (status !== null && !(roleStatuses as readonly string[]).includes(status))
      return apiJson(badRequest(`status must be one of ${roleStatuses.join(", ")}`), 400);
    const fetched = listApiRoles({ ...paging, limit: paging.limit + 1, status: status as RoleStatus | null, withPay });
    const { rows, next } = pageOf(fetched, paging.limit, url);
    return apiJson({ data: rows, next });
  });
}
