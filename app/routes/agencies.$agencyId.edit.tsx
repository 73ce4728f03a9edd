import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { AgencyForm, type AgencyDefaults } from "~/components/agency-form";
import { PageHeader } from "~/components/ui";
import { isAgencyNameTaken, getAgency, updateAgency } from "~/models/agency.server";
import { agencyArrayFields, agencyFormSchema } from "~/schemas/agency";
import { versionSchema } from "~/schemas/role";
import { authorizeUser } from "~/utils/authorize.server";
import { parseFormData } from "~/utils/forms";
import { invalid } from "~/utils/forms.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Edit ${data?.name ?? "agency"} · AI Talent Scorecards` },
];

export async function loader(args: LoaderFunctionArgs) {
  await authorizeUser(args, "routes/agencies.$agencyId.edit", "loader");
  const found = getAgency(Number(args.params.agencyId));
  if (!found) throw new Response("Agency not found", { status: 404 });
  const { agency, contacts, vetting } = found;
  const defaults: AgencyDefaults = {
    name: agency.name,
    kind: agency.kind,
    website: agency.website ?? "",
    rateMin: agency.rateMin?.toString() ?? "",
    rateMax: agency.rateMax?.toString() ?? "",
    markupPercent: agency.markupPercent?.toString() ?? "",
    currency: agency.currency,
    offersHandover: String(Boolean(agency.offersHandover)),
    writtenAcceptanceCriteria: String(Boolean(agency.writtenAcceptanceCriteria)),
    notes: agency.notes ?? "",
    contactName: contacts.map((c) => c.name),
    contactEmail: contacts.map((c) => c.email ?? ""),
    contactPhone: contacts.map((c) => c.phone ?? ""),
    contactTitle: contacts.map((c) => c.title ?? ""),
  };
  for (const v of vetting) {
    defaults[`vet_${v.question}_answer`] = v.answer ?? "";
    defaults[`vet_${v.question}_assessment`] = v.assessment ?? "";
    defaults[`vet_${v.question}_notes`] = v.notes ?? "";
  }
  return { id: agency.id, name: agency.name, version: agency.version, defaults };
}

export async function action(args: ActionFunctionArgs) {
  await authorizeUser(args, "routes/agencies.$agencyId.edit", "action");
  const id = Number(args.params.agencyId);
  const formData = await args.request.formData();
  const version = versionSchema.safeParse(formData.get("version"));
  if (!version.success)
    return invalid(
      formData,
      { fieldErrors: {}, formError: "This form is out of date. Reload the page and try again." },
      { arrayFields: agencyArrayFields },
    );
  const parsed = parseFormData(agencyFormSchema, formData, agencyArrayFields);
  if (!parsed.ok)
    return invalid(
      formData,
      { fieldErrors: parsed.fieldErrors, formError: parsed.formError },
      { arrayFields: agencyArrayFields },
    );
  if (isAgencyNameTaken(parsed.data.agency.name, id))
    return invalid(
      formData,
      { fieldErrors: { name: ["An agency with this name is already on file"] }, formError: null },
      { arrayFields: agencyArrayFields },
    );
  const result = updateAgency({ id, version: version.data, values: parsed.data });
  if (!result.ok && result.reason === "not-found") throw new Response("Agency not found", { status: 404 });
  if (!result.ok)
    return invalid(
      formData,
      {
        fieldErrors: {},
        formError:
          "Someone else saved this agency after you opened it; nothing was saved. Your edits are still in the form: copy what you need, then reload to see their version.",
      },
      { arrayFields: agencyArrayFields, status: 409 },
    );
  return redirect(`/agencies/${id}?saved=updated`);
}

export default function EditAgency() {
  const { id, name, version, defaults } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <PageHeader
        title={`Edit ${name}`}
        actions={
          <Link to={`/agencies/${id}`} className="btn">
            Cancel
          </Link>
        }
      />
      <AgencyForm
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
