// GET /api/v1/checks: every compliance check in id order, paged, whoever it belongs to (a candidate, an agency or
// an application, by id); filters type, status, updated_since. Statuses and dates only, never findings or documents.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { badRequest, isProblem, pageOf, parsePaging, parseSince } from "~/domain/api";
import { checkStatuses, checkTypes, type CheckStatus, type CheckType } from "~/domain/compliance";
import { listApiChecks } from "~/models/api-read.server";
import { apiJson, serveApi } from "~/utils/api-auth.server";

export async function loader(args: LoaderFunctionArgs) {
  return serveApi(args, "routes/api.v1.checks", ({ url }) => {
    const query = url.searchParams;
    const paging = parsePaging(query);
    if (isProblem(paging)) return apiJson(paging, 400);
    const type = query.get("type");
    if (type !== null && !(checkTypes as readonly string[]).includes(type))
      return apiJson(badRequest(`type must be one of ${checkTypes.join(", ")}`), 400);
    const status = query.get("status");
    if (status !== null && !(checkStatuses as readonly string[]).includes(status))
      return apiJson(badRequest(`status must be one of ${checkStatuses.join(", ")}`), 400);
    const updatedSince = parseSince(query.get("updated_since"), "updated_since");
    if (isProblem(updatedSince)) return apiJson(updatedSince, 400);
    const fetched = listApiChecks({
      afterId: paging.afterId,
      limit: paging.limit + 1,
      filter: { type: type as CheckType | null, status: status as CheckStatus | null, updatedSince },
    });
    const { rows, next } = pageOf(fetched, paging.limit, url);
    return apiJson({ data: rows, next });
  });
}
