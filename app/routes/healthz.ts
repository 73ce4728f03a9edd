import type { LoaderFunctionArgs } from "@remix-run/node";
import { authorize } from "~/utils/authorize.server";
import { getDb } from "~/utils/db.server";

export async function loader(args: LoaderFunctionArgs) {
  await authorize(args, "routes/healthz", "loader");
  getDb().$client.prepare("select 1").get();
  return new Response("ok", { headers: { "Content-Type": "text/plain" } });
}
