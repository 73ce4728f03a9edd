import type { LoaderFunctionArgs } from "@remix-run/node";
import { authorize } from "~/utils/authorize.server";
import { checkDatabaseHealth } from "~/utils/db.server";

/**
 * For load balancers and monitors: 200 "ok" when the database answers and can
 * take a write (see checkDatabaseHealth), else 503 naming the problem.
 */
export async function loader(args: LoaderFunctionArgs) {
  await authorize(args, "routes/healthz", "loader");
  const health = checkDatabaseHealth();
  const headers = { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" };
  if (!health.ok) return new Response(`unavailable: ${health.problem}`, { status: 503, headers });
  return new Response("ok", { headers });
}
