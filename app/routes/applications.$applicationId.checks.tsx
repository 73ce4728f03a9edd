import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { getApplication } from "~/models/application.server";
import { saveCheck } from "~/models/compliance.server";
import { checkFormSchema } from "~/schemas/application";
import { authorizeUser } from "~/utils/authorize.server";
import { parseFormData } from "~/utils/forms";

// Check forms live on the application page; this route only saves them.
export async function loader(args: LoaderFunctionArgs) {
  await authorizeUser(args, "routes/applications.$applicationId.checks", "loader");
  return redirect(`/applications/${args.params.applicationId}#checks`);
}

export async function action(args: ActionFunctionArgs) {
  const { user } = await authorizeUser(args, "routes/applications.$applicationId.checks", "action");
  const found = getApplication(Number(args.params.applicationId));
  if (!found) throw new Response("Application not found", { status: 404 });
  const parsed = parseFormData(checkFormSchema, await args.request.formData());
  // A resource route: answer with a real status code (the check editor reads the JSON through its fetcher).
  if (!parsed.ok) return Response.json({ fieldErrors: parsed.fieldErrors, formError: parsed.formError }, { status: 400 });
  const { application } = found;
  const result = saveCheck({
    subject: { applicationId: application.id, candidateId: application.candidateId, agencyId: application.agencyId },
    values: parsed.data,
    actorId: user.id,
  });
  if (!result.ok) {
    return Response.json({ fieldErrors: {}, formError: "Someone else updated this check after you opened the page; nothing was saved. Reload to see it." }, { status: 409 });
  }
  return redirect(`/applications/${application.id}?saved=${parsed.data.type}#checks`);
}
