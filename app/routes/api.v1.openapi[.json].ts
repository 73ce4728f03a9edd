// The API's OpenAPI 3.1 description. Public: it describes shapes, holds no data, and an integrator reads it
// before they have a key.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { openApiDocument } from "~/domain/api-openapi";
import { apiJson, serveApi } from "~/utils/api-auth.server";

export async function loader(args: LoaderFunctionArgs) {
  return serveApi(args, "routes/api.v1.openapi[.json]", () => apiJson(openApiDocument()));
}
