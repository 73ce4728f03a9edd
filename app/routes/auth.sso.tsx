// Starts a sign-in through the identity provider: a GET from the login page's button, answered with a redirect
// to the provider and the flow cookie (app/utils/sso.server.ts).
import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { authorize } from "~/utils/authorize.server";
import { beginSsoSignIn } from "~/utils/sso.server";

export async function loader(args: LoaderFunctionArgs) {
  const { user } = await authorize(args, "routes/auth.sso", "loader");
  if (user) throw redirect("/");
  return beginSsoSignIn(args.request);
}
