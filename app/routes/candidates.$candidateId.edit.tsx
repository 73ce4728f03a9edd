import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { CandidateForm, candidateToDefaults } from "~/components/candidate-form";
import { PageHeader } from "~/components/ui";
import { findCandidateByEmail, getCandidate, updateCandidate } from "~/models/candidate.server";
import { candidateArrayFields, candidateFormSchema } from "~/schemas/candidate";
import { versionSchema } from "~/schemas/role";
import { authorizeUser } from "~/utils/authorize.server";
import { parseFormData } from "~/utils/forms";
import { invalid } from "~/utils/forms.server";
import { getMask } from "~/models/masking.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Edit ${data?.name ?? "candidate"} · AI Talent Scorecards` },
];

export async function loader(args: LoaderFunctionArgs) {
  await authorizeUser(args, "routes/candidates.$candidateId.edit", "loader");
  const candidate = getCandidate(Number(args.params.candidateId));
  if (!candidate) throw new Response("Candidate not found", { status: 404 });
  if (candidate.erasedAt)
    throw new Response("This candidate was erased: there is nothing left to edit", { status: 409 });
  const { createdById: _c, createdAt: _a, updatedAt: _u, ...editable } = candidate;
  return {
    id: candidate.id,
    name: candidate.name,
    version: candidate.version,
    defaults: candidateToDefaults(editable),
  };
}

export async function action(args: ActionFunctionArgs) {
  const { user } = await authorizeUser(args, "routes/candidates.$candidateId.edit", "action");
  const id = Number(args.params.candidateId);
  const formData = await args.request.formData();
  const version = versionSchema.safeParse(formData.get("version"));
  if (!version.success)
    return invalid(
      formData,
      { fieldErrors: {}, formError: "This form is out of date. Reload the page and try again." },
      { arrayFields: candidateArrayFields },
    );
  const parsed = parseFormData(candidateFormSchema, formData, candidateArrayFields);
  if (!parsed.ok)
    return invalid(
      formData,
      { fieldErrors: parsed.fieldErrors, formError: parsed.formError },
      { arrayFields: candidateArrayFields },
    );
  const clash = findCandidateByEmail(parsed.data.email);
  if (clash && clash.id !== id) {
    const who = getMask(user.id).candidateIds.has(clash.id) ? "Another candidate" : clash.name;
    return invalid(
      formData,
      { fieldErrors: { email: [`${who} already has this email`] }, formError: null },
      { arrayFields: candidateArrayFields },
    );
  }
  const result = updateCandidate({ id, version: version.data, values: parsed.data });
  if (!result.ok && result.reason === "not-found") throw new Response("Candidate not found", { status: 404 });
  if (!result.ok && result.reason === "erased")
    throw new Response("This candidate was erased: there is nothing left to edit", { status: 409 });
  if (!result.ok) {
    return invalid(
      formData,
      {
        fieldErrors: {},
        formError:
          "Someone else saved this candidate after you opened it; nothing was saved. Your edits are still in the form: copy what you need, then reload to see their version.",
      },
      { arrayFields: candidateArrayFields, status: 409 },
    );
  }
  return redirect(`/candidates/${id}?saved=updated`);
}

export default function EditCandidate() {
  const { id, name, version, defaults } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <PageHeader
        title={`Edit ${name}`}
        actions={
          <Link to={`/candidates/${id}`} className="btn">
            Cancel
          </Link>
        }
      />
      <CandidateForm
        defaults={defaults}
        serverErrors={actionData?.fieldErrors}
        submitted={actionData?.values}
        formError={actionData?.formError}
        submitLabel="Save changes"
        version={version}
      />
    </>
  );
}
