import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { AgencyForm } from "~/components/agency-form";
import { PageHeader } from "~/components/ui";
import { isAgencyNameTaken, createAgency } from "~/models/agency.server";
import { agencyArrayFields, agencyFormSchema } from "~/schemas/agency";
import { authorizeUser } from "~/utils/authorize.server";
import { parseFormData } from "~/utils/forms";
import { invalid } from "~/utils/forms.server";

export const meta: MetaFunction = () => [{ title: "Add agency · AI Talent Scorecards" }];

export async function loader(args: LoaderFunctionArgs) {
  await authorizeUser(args, "routes/agencies.new", "loader");
  return null;
}

export async function action(args: ActionFunctionArgs) {
  await authorizeUser(args, "routes/agencies.new", "action");
  const formData = await args.request.formData();
  const parsed = parseFormData(agencyFormSchema, formData, agencyArrayFields);
  if (!parsed.ok)
    return invalid(
      formData,
      { fieldErrors: parsed.fieldErrors, formError: parsed.formError },
      { arrayFields: agencyArrayFields },
    );
  if (isAgencyNameTaken(parsed.data.agency.name))
    return invalid(
      formData,
      { fieldErrors: { name: ["An agency with this name is already on file"] }, formError: null },
      { arrayFields: agencyArrayFields },
    );
  const id = createAgency(parsed.data);
  return redirect(`/agencies/${id}?saved=created`);
}

export default function NewAgency() {
  const actionData = useActionData<typeof action>();
  return (
    <>
      <PageHeader
        title="Add agency"
        subtitle="Record the vendor, its rate card and how it answered the vetting questions."
      />
      <AgencyForm
        defaults={{}}
        serverErrors={actionData?.fieldErrors}
        submitted={actionData?.values}
        formError={actionData?.formError}
        submitLabel="Add agency"
      />
    </>
  );
}
