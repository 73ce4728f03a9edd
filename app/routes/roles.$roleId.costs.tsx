import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Field, FormError, useValidatedForm } from "~/components/form";
import { PageHeader } from "~/components/ui";
import { defaultCostAssumptions } from "~/domain/cost";
import { getRole, saveCostAssumptions } from "~/models/role.server";
import { costAssumptionsFor } from "~/models/rollup.server";
import { costAssumptionsSchema } from "~/schemas/costs";
import { authorizeUser } from "~/utils/authorize.server";
import { parseFormData } from "~/utils/forms";

export const meta: MetaFunction = () => [{ title: "Cost assumptions · AI Talent Scorecards" }];

const labels: [keyof typeof defaultCostAssumptions, string, string][] = [
  ["overheadPct", "Benefits, payroll and equipment (% of salary)", "%"],
  ["recruitingCost", "Recruiting or sourcing cost per hire", "currency"],
  ["teamHours", "Team hours spent interviewing and onboarding", "h"],
  ["teamHourlyCost", "Cost of an hour of team time", "currency"],
  ["toolingCost", "Cloud, model and tooling spend in year one", "currency"],
  ["rampMonths", "Months until fully productive (half output meanwhile)", "months"],
  ["wrongRoleRiskPct", "Wrong-role risk (% of salary)", "%"],
  ["expectedHours", "Expected contract hours in year one", "h"],
  ["contractorOverrunPct", "Overrun allowance for contractors (%)", "%"],
  ["freelancerOverrunPct", "Overrun allowance for freelancers (%)", "%"],
];

export async function loader(args: LoaderFunctionArgs) {
  await authorizeUser(args, "routes/roles.$roleId.costs", "loader");
  const role = getRole(Number(args.params.roleId));
  if (!role) throw new Response("Role not found", { status: 404 });
  return { role: { id: role.id, title: role.title, version: role.version }, assumptions: costAssumptionsFor(role.costAssumptions), defaults: defaultCostAssumptions };
}

export async function action(args: ActionFunctionArgs) {
  await authorizeUser(args, "routes/roles.$roleId.costs", "action");
  const roleId = Number(args.params.roleId);
  const formData = await args.request.formData();
  const parsed = parseFormData(costAssumptionsSchema, formData);
  if (!parsed.ok) return data({ fieldErrors: parsed.fieldErrors, formError: parsed.formError }, { status: 400 });
  const result = saveCostAssumptions({ id: roleId, version: Number(formData.get("version")), assumptions: parsed.data });
  if (!result.ok) return data({ fieldErrors: {}, formError: "Someone else changed this role after you opened the page; nothing was saved. Reload and try again." }, { status: 409 });
  return redirect(`/roles/${roleId}/rollup`);
}

export default function Costs() {
  const { role, assumptions, defaults } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { formRef, register, onSubmit, errorFor } = useValidatedForm(costAssumptionsSchema, { serverErrors: actionData?.fieldErrors });
  return (
    <>
      <PageHeader title={`Cost assumptions: ${role.title}`} subtitle="Used for every first-year cost figure on this role; shown next to the figures." actions={<Link to={`/roles/${role.id}/rollup`} className="btn">Cancel</Link>} />
      <FormError error={actionData?.formError} />
      <Form method="post" ref={formRef} onSubmit={onSubmit} className="stack" noValidate aria-label="Cost assumptions">
        <input type="hidden" name="version" value={role.version} />
        <fieldset>
          <legend>Assumptions</legend>
          <div className="fields">
            {labels.map(([key, label]) => (
              <Field key={key} label={label} hint={`Default ${defaults[key]}`} error={errorFor(key)}>
                {(aria) => <input type="number" min={0} defaultValue={String(assumptions[key])} {...aria} {...register(key)} />}
              </Field>
            ))}
          </div>
        </fieldset>
        <div className="actions">
          <button type="submit" className="btn btn-primary" disabled={navigation.state === "submitting"}>Save assumptions</button>
        </div>
      </Form>
    </>
  );
}
