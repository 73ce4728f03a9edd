import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { Field, FormError, useValidatedForm } from "~/components/form";
import { formatCount, formatMoney, Notice, PageHeader } from "~/components/ui";
import { defaultCostAssumptions } from "~/domain/cost";
import { stageLabels } from "~/domain/pipeline";
import { listAgencyBids, saveAgencyQuote } from "~/models/application.server";
import { getRole, saveCostAssumptions } from "~/models/role.server";
import { getCostAssumptions } from "~/models/rollup.server";
import { agencyQuoteSchema, costAssumptionFields, costAssumptionsSchema } from "~/schemas/costs";
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
  if (formData.get("intent") === "quote") {
    const applicationId = Number(formData.get("applicationId"));
    const parsed = parseFormData(agencyQuoteSchema, formData);
    if (!parsed.ok)
      return invalid(formData, {
        intent: "quote" as const,
        applicationId,
        fieldErrors: parsed.fieldErrors,
        formError: parsed.formError,
      });
    const result = saveAgencyQuote({
      roleId,
      applicationId: parsed.data.applicationId,
      amount: parsed.data.quoteAmount,
      version: parsed.data.version,
    });
    if (result === "not-found")
      return invalid(
        formData,
        { intent: "quote" as const, applicationId, fieldErrors: {}, formError: "That agency bid is not on this role." },
        { status: 404 },
      );
    if (result === "stale")
      return invalid(
        formData,
        {
          intent: "quote" as const,
          applicationId,
          fieldErrors: {},
          formError:
            "Someone else changed this bid after you opened the page; nothing was saved. Reload and try again.",
        },
        { status: 409 },
      );
    return redirect(`/roles/${roleId}/costs?quoted=${applicationId}`);
  }
  const parsed = parseFormData(costAssumptionsSchema, formData);
  if (!parsed.ok)
    return invalid(formData, {
      intent: "assumptions" as const,
      applicationId: null,
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
        intent: "assumptions" as const,
        applicationId: null,
        fieldErrors: {},
        formError:
          "Someone else changed this role after you opened the page; nothing was saved. Your figures are still in the form: note them, then reload and try again.",
      },
      { status: 409 },
    );
  return redirect(`/roles/${roleId}/costs?saved=assumptions`);
}

type Bid = ReturnType<typeof useLoaderData<typeof loader>>["bids"][number];

function QuoteForm({ bid, currency }: { bid: Bid; currency: string }) {
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const mine = actionData?.intent === "quote" && actionData.applicationId === bid.id ? actionData : null;
  const { formRef, register, onSubmit, errorFor, typed, summary } = useValidatedForm(agencyQuoteSchema, {
    serverErrors: mine?.fieldErrors,
    submitted: mine?.values,
  });
  return (
    <li>
      <Form
        method="post"
        ref={formRef}
        onSubmit={onSubmit}
        className="quote-form"
        noValidate
        aria-label={`Quote from ${bid.agencyName}`}
      >
        <FormError error={mine?.formError} summary={summary} />
        <input type="hidden" name="intent" value="quote" />
        <input type="hidden" name="applicationId" value={bid.id} />
        <input type="hidden" name="version" value={typed("version", String(bid.version))} />
        <Field
          label={`${bid.agencyName}: quoted first-year price (${currency})`}
          hint={`${stageLabels[bid.stage]} · ${bid.quoteAmount === null ? "no quote recorded yet" : `now ${formatMoney(bid.quoteAmount, currency)}`}`}
          error={errorFor("quoteAmount")}
        >
          {(aria) => (
            <input
              type="number"
              min={1}
              step={1}
              inputMode="numeric"
              defaultValue={typed("quoteAmount", bid.quoteAmount === null ? "" : String(bid.quoteAmount))}
              {...aria}
              {...register("quoteAmount")}
            />
          )}
        </Field>
        <button type="submit" className="btn" disabled={navigation.state === "submitting"}>
          Save quote
        </button>
      </Form>
    </li>
  );
}

export default function Costs() {
  const { role, assumptions, defaults, bids } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [params] = useSearchParams();
  const assumptionsErrors = actionData?.intent === "assumptions" ? actionData : null;
  const { formRef, register, onSubmit, errorFor, typed, summary } = useValidatedForm(costAssumptionsSchema, {
    serverErrors: assumptionsErrors?.fieldErrors,
    submitted: assumptionsErrors?.values,
  });
  const quoted = bids.find((b) => String(b.id) === params.get("quoted"));
  return (
    <>
      <PageHeader
        title={`Costs: ${role.title}`}
        subtitle="The assumptions and agency quotes behind every first-year cost figure on this role; each figure shows them."
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
      {quoted ? <Notice>Quote from {quoted.agencyName} saved.</Notice> : null}
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
          An agency bidding as a team is costed at its quote: the price it asks for the first year of the work, as
          agreed in writing.
        </p>
        {bids.length === 0 ? (
          <p className="muted">No agency is bidding on this role.</p>
        ) : (
          <ul className="plain stack">
            {bids.map((b) => (
              <QuoteForm key={b.id} bid={b} currency={role.currency} />
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
