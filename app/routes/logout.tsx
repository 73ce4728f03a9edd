import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { authorize } from "~/utils/authorize.server";
import { endSession } from "~/utils/session.server";

export async function action(args: ActionFunctionArgs) {
  await authorize(args, "routes/logout", "action");
  return endSession(args.request);
}

// Signing out is a POST; a GET only goes home, so a link or prefetch never signs anyone out.
export async function loader(args: LoaderFunctionArgs) {
  await authorize(args, "routes/logout", "loader");
  return redirect("/");
}
