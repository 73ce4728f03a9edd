import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { CandidateForm } from "~/components/candidate-form";
import { PageHeader } from "~/components/ui";
import { createCandidate, findCandidateByEmail } from "~/models/candidate.server";
import { candidateArrayFields, candidateFormSchema } from "~/schemas/candidate";
import { authorizeUser } from "~/utils/authorize.server";
import { parseFormData } from "~/utils/forms";
import { invalid } from "~/utils/forms.server";
import { getMask } from "~/models/masking.server";

export const meta: MetaFunction = () => [{ title: "Add candidate · AI Talent Scorecards" }];

function roleIdFrom(value: unknown): string | null {
  return typeof value === "string" && /^\d+$/.test(value) ? value : null;
}

export async function loader(args: LoaderFunctionArgs) {
  await authorizeUser(args, "routes/candidates.new", "loader");
  return { roleId: roleIdFrom(new URL(args.request.url).searchParams.get("roleId")) };
}

export async function action(args: ActionFunctionArgs) {
  const { user } = await authorizeUser(args, "routes/candidates.new", "action");
  const formData = await args.request.formData();
  const roleId = roleIdFrom(formData.get("roleId"));
  const parsed = parseFormData(candidateFormSchema, formData, candidateArrayFields);
  if (!parsed.ok)
    return invalid(
      formData,
      { fieldErrors: parsed.fieldErrors, formError: parsed.formError, existing: null },
      { arrayFields: candidateArrayFields },
    );
  const found = findCandidateByEmail(parsed.data.email) ?? null;
  if (found) {
    // Someone this user grades anonymously is on file, but who they are is not said.
    const existing = getMask(user.id).candidateIds.has(found.id) ? null : found;
    return invalid(
      formData,
      { fieldErrors: { email: ["A candidate with this email is already on file"] }, formError: null, existing },
      { arrayFields: candidateArrayFields },
    );
  }
  const id = createCandidate(parsed.data, user.id);
  // Coming from a role's "add to pipeline": continue there with the new person chosen.
  return redirect(roleId ? `/roles/${roleId}/applications/new?candidateId=${id}` : `/candidates/${id}?saved=created`);
}

export default function NewCandidate() {
  const { roleId } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <PageHeader title="Add candidate" subtitle="A person is recorded once and can apply to many roles." />
      <CandidateForm
        defaults={{}}
        serverErrors={actionData?.fieldErrors}
        submitted={actionData?.values}
        formError={actionData?.formError}
        existing={actionData?.existing}
        submitLabel={roleId ? "Add candidate and continue" : "Add candidate"}
        hidden={roleId ? { roleId } : undefined}
      />
    </>
  );
}
