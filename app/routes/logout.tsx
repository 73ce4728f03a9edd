import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { recordAudit } from "~/models/audit.server";
import { authorize } from "~/utils/authorize.server";
import { endSession } from "~/utils/session.server";

export async function action(args: ActionFunctionArgs) {
  const { user } = await authorize(args, "routes/logout", "action");
  if (user) recordAudit({ actorId: user.id, action: "auth.sign_out", subject: { type: "user", id: user.id } });
  return endSession(args.request);
}

// Signing out is a POST; a GET only goes home, so a link or prefetch never signs anyone out.
export async function loader(args: LoaderFunctionArgs) {
  await authorize(args, "routes/logout", "loader");
  return redirect("/");
}
