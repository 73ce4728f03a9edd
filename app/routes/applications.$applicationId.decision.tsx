import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { DecisionForm } from "~/components/decision-form";
import { PageHeader } from "~/components/ui";
import type { CheckType } from "~/domain/compliance";
import { getApplication } from "~/models/application.server";
import { getDecisionForm, recordDecision } from "~/models/decision.server";
import { decisionArrayFields, decisionSchema } from "~/schemas/decision";
import { authorizeUser } from "~/utils/authorize.server";
import { parseFormData } from "~/utils/forms";
import { invalid } from "~/utils/forms.server";
import { safeRedirect } from "~/utils/session.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Decision: ${data?.name ?? "application"} · AI Talent Scorecards` },
];

function found(id: number) {
  const app = getApplication(id);
  if (!app) throw new Response("Application not found", { status: 404 });
  return {
    name: app.candidate?.name ?? app.agency?.name ?? "Application",
    role: { id: app.role.id, title: app.role.title },
  };
}

export async function loader(args: LoaderFunctionArgs) {
  await authorizeUser(args, "routes/applications.$applicationId.decision", "loader");
  const id = Number(args.params.applicationId);
  return { id, ...found(id), form: getDecisionForm(id) };
}

export async function action(args: ActionFunctionArgs) {
  const { user } = await authorizeUser(args, "routes/applications.$applicationId.decision", "action");
  const id = Number(args.params.applicationId);
  found(id);
  const formData = await args.request.formData();
  const refuse = (
    fieldErrors: Record<string, string[]>,
    formError: string | null,
    status = 400,
    missing: CheckType[] = [],
  ) => invalid(formData, { fieldErrors, formError, missing }, { arrayFields: decisionArrayFields, status });
  const parsed = parseFormData(decisionSchema, formData, decisionArrayFields);
  if (!parsed.ok) return refuse(parsed.fieldErrors, parsed.formError);
  const result = recordDecision({ applicationId: id, ...parsed.data, actorId: user.id });
  if (!result.ok) {
    if (result.reason === "gate")
      return refuse(
        {},
        `${result.message}. Nothing was recorded: clear the checks first, or decide to hire or hold for now.`,
        400,
        result.missing,
      );
    if (result.reason === "invalid")
      return refuse(Object.fromEntries(result.problems.map((p) => [p.field, [p.message]])), null);
    if (result.reason === "conflict")
      return refuse(
        {},
        "The application or its decision changed after you opened this page; nothing was recorded. Reload to see it as it is now.",
        409,
      );
    throw new Response("Application not found", { status: 404 });
  }
  const returnTo = safeRedirect(formData.get("returnTo"), `/applications/${id}`);
  const sep = returnTo.includes("?") ? "&" : "?";
  return redirect(`${returnTo}${sep}decided=${parsed.data.outcome}#decision`);
}

export default function DecisionPage() {
  const { id, name, role, form } = useLoaderData<typeof loader>();
  const refusal = useActionData<typeof action>();
  return (
    <>
      <PageHeader
        title={`Decision: ${name}`}
        subtitle={
          <>
            for <Link to={`/roles/${role.id}`}>{role.title}</Link> ·{" "}
            <Link to={`/applications/${id}#decision`}>Back to the application</Link>
          </>
        }
      />
      <section className="card" aria-labelledby="decide-heading">
        <h2 id="decide-heading">Record decision</h2>
        {form ? (
          <DecisionForm data={form} refusal={refusal} />
        ) : (
          <p className="muted">
            This application is closed. Move it back to a stage on its page before deciding again.
          </p>
        )}
      </section>
    </>
  );
}
