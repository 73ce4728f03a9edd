// Where the identity provider sends the browser back: the code is exchanged, the ID token checked, the account
// found (or refused, with the reason on the login page), and the app's own session started.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { authorize } from "~/utils/authorize.server";
import { finishSsoSignIn } from "~/utils/sso.server";

export async function loader(args: LoaderFunctionArgs) {
  await authorize(args, "routes/auth.sso.callback", "loader");
  return finishSsoSignIn(args.request);
}
