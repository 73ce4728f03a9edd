// GET /api/v1/applications: applications in id order, paged; filters role_id, stage, updated_since. The candidate's
// expected pay, the offer and a quote only with the pay scope.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { badRequest, isProblem, pageOf, parseId, parsePaging, parseSince } from "~/domain/api";
import { stages, type Stage } from "~/domain/pipeline";
import { listApiApplications } from "~/models/api-read.server";
import { apiJson, serveApi } from "~/utils/api-auth.server";

export async function loader(args: LoaderFunctionArgs) {
  return serveApi(args, "routes/api.v1.applications._index", ({ url, withPay }) => {
    const query = url.searchParams;
    const paging = parsePaging(query);
    if (isProblem(paging)) return apiJson(paging, 400);
    const rawRole = query.get("role_id");
    const roleId = rawRole === null ? null : parseId(rawRole);
    if (rawRole !== null && roleId === null) return apiJson(badRequest("role_id must be a role's id"), 400);
    const stage = query.get("stage");
    if (stage !== null && !(stages as readonly string[]).includes(stage))
      return apiJson(badRequest(`stage must be one of ${stages.join(", ")}`), 400);
    const updatedSince = parseSince(query.get("updated_since"), "updated_since");
    if (isProblem(updatedSince)) return apiJson(updatedSince, 400);
    const fetched = listApiApplications({
      afterId: paging.afterId,
      limit: paging.limit + 1,
      filter: { roleId, stage: stage as Stage | null, updatedSince },
      withPay,
    });
    const { rows, next } = pageOf(fetched, paging.limit, url);
    return apiJson({ data: rows, next });
  });
}
