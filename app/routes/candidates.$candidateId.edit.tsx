import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { CandidateForm, candidateToDefaults } from "~/components/candidate-form";
import { PageHeader } from "~/components/ui";
import { findCandidateByEmail, getCandidate, updateCandidate } from "~/models/candidate.server";
import { candidateArrayFields, candidateFormSchema } from "~/schemas/candidate";
import { versionSchema } from "~/schemas/role";
import { authorizeUser } from "~/utils/authorize.server";
import { parseFormData } from "~/utils/forms";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Edit ${data?.name ?? "candidate"} · AI Talent Scorecards` }];

export async function loader(args: LoaderFunctionArgs) {
  await authorizeUser(args, "routes/candidates.$candidateId.edit", "loader");
  const candidate = getCandidate(Number(args.params.candidateId));
  if (!candidate) throw new Response("Candidate not found", { status: 404 });
  const { createdById: _c, createdAt: _a, updatedAt: _u, ...editable } = candidate;
  return { id: candidate.id, name: candidate.name, version: candidate.version, defaults: candidateToDefaults(editable) };
}

export async function action(args: ActionFunctionArgs) {
  await authorizeUser(args, "routes/candidates.$candidateId.edit", "action");
  const id = Number(args.params.candidateId);
  const formData = await args.request.formData();
  const version = versionSchema.safeParse(formData.get("version"));
  if (!version.success) return data({ fieldErrors: {}, formError: "This form is out of date. Reload the page and try again." }, { status: 400 });
  const parsed = parseFormData(candidateFormSchema, formData, candidateArrayFields);
  if (!parsed.ok) return data({ fieldErrors: parsed.fieldErrors, formError: parsed.formError }, { status: 400 });
  const clash = findCandidateByEmail(parsed.data.email);
  if (clash && clash.id !== id) {
    return data({ fieldErrors: { email: [`${clash.name} already has this email`] }, formError: null }, { status: 400 });
  }
  const result = updateCandidate({ id, version: version.data, values: parsed.data });
  if (!result.ok && result.reason === "not-found") throw new Response("Candidate not found", { status: 404 });
  if (!result.ok) {
    return data({ fieldErrors: {}, formError: "Someone else saved this candidate after you opened it; nothing was saved. Reload to see their version." }, { status: 409 });
  }
  return redirect(`/candidates/${id}?saved=updated`);
}

export default function EditCandidate() {
  const { id, name, version, defaults } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <PageHeader title={`Edit ${name}`} actions={<Link to={`/candidates/${id}`} className="btn">Cancel</Link>} />
      <CandidateForm defaults={defaults} serverErrors={actionData?.fieldErrors} formError={actionData?.formError} submitLabel="Save changes" version={version} />
    </>
  );
}
