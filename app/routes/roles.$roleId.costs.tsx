import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { Field, FormError, useValidatedForm } from "~/components/form";
import { formatCount, formatMoney, Notice, PageHeader } from "~/components/ui";
import { defaultCostAssumptions } from "~/domain/cost";
import { stageLabels } from "~/domain/pipeline";
import { listAgencyBids } from "~/models/application.server";
import { getRole, saveCostAssumptions } from "~/models/role.server";
import { getCostAssumptions } from "~/models/rollup.server";
import { costAssumptionFields, costAssumptionsSchema } from "~/schemas/costs";
import { authorizeUser } from "~/utils/authorize.server";
import { parseFormData } from "~/utils/forms";
import { invalid } from "~/utils/forms.server";

export const meta: MetaFunction = () => [{ title: "Costs · AI Talent Scorecards" }];

export async function loader(args: LoaderFunctionArgs) {
  await authorizeUser(args, "routes/roles.$roleId.costs", "loader");
  const role = getRole(Number(args.params.roleId));
  if (!role) throw new Response("Role not found", { status: 404 });
  return {
    role: { id: role.id, title: role.title, version: role.version, currency: role.currency },
    assumptions: getCostAssumptions(role.costAssumptions),
    defaults: defaultCostAssumptions,
    bids: listAgencyBids(role.id),
  };
}

export async function action(args: ActionFunctionArgs) {
  await authorizeUser(args, "routes/roles.$roleId.costs", "action");
  const roleId = Number(args.params.roleId);
  const formData = await args.request.formData();
  const parsed = parseFormData(costAssumptionsSchema, formData);
  if (!parsed.ok)
    return invalid(formData, {
      fieldErrors: parsed.fieldErrors,
      formError: parsed.formError,
    });
  const result = saveCostAssumptions({
    id: roleId,
    version: Number(formData.get("version")),
    assumptions: parsed.data,
  });
  if (!result.ok)
    return invalid(
      formData,
      {
        fieldErrors: {},
        formError:
          "Someone else changed this role after you opened the page; nothing was saved. Your figures are still in the form: note them, then reload and try again.",
      },
      { status: 409 },
    );
  return redirect(`/roles/${roleId}/costs?saved=assumptions`);
}

export default function Costs() {
  const { role, assumptions, defaults, bids } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [params] = useSearchParams();
  const assumptionsErrors = actionData ?? null;
  const { formRef, register, onSubmit, errorFor, typed, summary } = useValidatedForm(costAssumptionsSchema, {
    serverErrors: assumptionsErrors?.fieldErrors,
    submitted: assumptionsErrors?.values,
  });
  return (
    <>
      <PageHeader
        title={`Costs: ${role.title}`}
        subtitle="The assumptions behind every first-year cost figure on this role; each figure shows them."
        actions={
          <Link to={`/roles/${role.id}/rollup`} className="btn">
            Back to rollup
          </Link>
        }
      />
      {params.get("saved") === "assumptions" && !actionData ? (
        <Notice>
          Assumptions saved: every cost on this role now uses them.{" "}
          <Link to={`/roles/${role.id}/rollup`}>See the rollup</Link>.
        </Notice>
      ) : null}
      <FormError error={assumptionsErrors?.formError} summary={summary} />
      <Form method="post" ref={formRef} onSubmit={onSubmit} className="stack" noValidate aria-label="Cost assumptions">
        <input type="hidden" name="intent" value="assumptions" />
        <input type="hidden" name="version" value={typed("version", String(role.version))} />
        <fieldset>
          <legend>Assumptions</legend>
          <div className="fields">
            {costAssumptionFields.map((f) => {
              const unit = f.unit === "money" ? role.currency : f.unit;
              return (
                <Field
                  key={f.key}
                  label={`${f.label} (${unit})`}
                  hint={`Default ${formatCount(defaults[f.key])}; ${formatCount(f.min)} to ${formatCount(f.max)}`}
                  error={errorFor(f.key)}
                >
                  {(aria) => (
                    <input
                      type="number"
                      min={f.min}
                      max={f.max}
                      step={1}
                      defaultValue={typed(f.key, String(assumptions[f.key]))}
                      {...aria}
                      {...register(f.key)}
                    />
                  )}
                </Field>
              );
            })}
          </div>
        </fieldset>
        <div className="actions">
          <button type="submit" className="btn btn-primary" disabled={navigation.state === "submitting"}>
            Save assumptions
          </button>
        </div>
      </Form>
      <section className="card" aria-labelledby="quotes">
        <h2 id="quotes">Agency quotes</h2>
        <p className="hint">
          An agency bidding as a team is costed at its quote: the price, its currency, the team and the weeks it covers.
          Each is recorded on the bid itself, when it is added or on its page.
        </p>
        {bids.length === 0 ? (
          <p className="muted">No agency is bidding on this role.</p>
        ) : (
          <ul className="plain stack">
            {bids.map((b) => (
              <li key={b.id} className="row-between">
                <Link to={`/applications/${b.id}#quote`}>{b.agencyName}</Link>
                <span className={b.quoteAmount === null ? "muted small" : "small"}>
                  {stageLabels[b.stage]} ·{" "}
                  {b.quoteAmount === null
                    ? "no quote recorded yet"
                    : formatMoney(b.quoteAmount, b.quoteCurrency ?? role.currency)}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
