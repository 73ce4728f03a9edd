import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { AgencyForm } from "~/components/agency-form";
import { PageHeader } from "~/components/ui";
import { agencyNameTaken, createAgency } from "~/models/agency.server";
import { agencyArrayFields, agencyFormSchema } from "~/schemas/agency";
import { authorizeUser } from "~/utils/authorize.server";
import { parseFormData } from "~/utils/forms";

export const meta: MetaFunction = () => [{ title: "Add agency · AI Talent Scorecards" }];

export async function loader(args: LoaderFunctionArgs) {
  await authorizeUser(args, "routes/agencies.new", "loader");
  return null;
}

export async function action(args: ActionFunctionArgs) {
  await authorizeUser(args, "routes/agencies.new", "action");
  const parsed = parseFormData(agencyFormSchema, await args.request.formData(), agencyArrayFields);
  if (!parsed.ok) return data({ fieldErrors: parsed.fieldErrors, formError: parsed.formError }, { status: 400 });
  if (agencyNameTaken(parsed.data.agency.name)) return data({ fieldErrors: { name: ["An agency with this name is already on file"] }, formError: null }, { status: 400 });
  const id = createAgency(parsed.data);
  return redirect(`/agencies/${id}?saved=created`);
}

export default function NewAgency() {
  const actionData = useActionData<typeof action>();
  return (
    <>
      <PageHeader title="Add agency" subtitle="Record the vendor, its rate card and how it answered the vetting questions." />
      <AgencyForm defaults={{}} serverErrors={actionData?.fieldErrors} formError={actionData?.formError} submitLabel="Add agency" />
    </>
  );
}
