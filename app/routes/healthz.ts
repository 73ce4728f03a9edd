import type { LoaderFunctionArgs } from "@remix-run/node";
import { authorize } from "~/utils/authorize.server";
import { pingDatabase } from "~/utils/db.server";

export async function loader(args: LoaderFunctionArgs) {
  await authorize(args, "routes/healthz", "loader");
  pingDatabase();
  return new Response("ok", { headers: { "Content-Type": "text/plain" } });
}
