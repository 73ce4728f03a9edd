import {
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  type SerializeFrom,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { Field, FormError, labelled, SelectField, useValidatedForm } from "~/components/form";
import { OfferApprovals, OfferStatusBadge, OfferTermsList, type OfferSummary } from "~/components/offer-panel";
import { formatDate, Notice, PageHeader } from "~/components/ui";
import { holds } from "~/domain/policy";
import { currencies, payKindLabels, payKinds } from "~/domain/reference";
import { getApplication } from "~/models/application.server";
import { recordView } from "~/models/audit.server";
import { getRole } from "~/models/role.server";
import {
  acceptOffer,
  getChainSummary,
  getOfferForApplication,
  listOffersAwaiting,
  saveOffer,
} from "~/models/offer.server";
import { acceptOfferSchema, offerSchema } from "~/schemas/offer";
import { authorizeUser, forbidden } from "~/utils/authorize.server";
import { parseFormData } from "~/utils/forms";
import { invalid } from "~/utils/forms.server";
import { isoDay } from "~/domain/dates";
import { Moment } from "~/components/moment";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Offer: ${data?.subject ?? "application"} · AI Talent Scorecards` },
];

const ROUTE = "routes/applications.$applicationId.offer";

function found(applicationId: number) {
  const app = getApplication(applicationId);
  if (!app) throw new Response("Application not found", { status: 404 });
  return app;
}

export async function loader(args: LoaderFunctionArgs) {
  const { user, teamRole } = await authorizeUser(args, ROUTE, "loader");
  const { application, role, candidate, agency } = found(Number(args.params.applicationId));
  const offer = getOfferForApplication(application.id, role.id);
  const waitingForMe = offer ? listOffersAwaiting(user).some((o) => o.offerId === offer.id) : false;
  // Only those who may read offers reach this page (the policy table): an offer on it is pay seen.
  if (offer) {
    const where = { roleId: role.id, applicationId: application.id };
    recordView({ actorId: user.id, action: "pay.view", subject: { type: "offer", id: offer.id }, ...where });
  }
  return {
    application: { id: application.id, stage: application.stage },
    role: { id: role.id, title: role.title },
    subject: candidate?.name ?? agency?.name ?? "Application",
    offer,
    chain: getChainSummary(role.id),
    defaultCurrency: getRole(role.id)?.currency ?? "USD",
    waitingForMe,
    canEdit: holds(user.kind, "update:offer", teamRole),
    canAccept: holds(user.kind, "accept:offer", teamRole),
    canEditChain: holds(user.kind, "update:role", teamRole),
    today: isoDay(new Date()),
  };
}

const conflict =
  "Someone else changed this offer after you opened the page; nothing was saved. " +
  "Your entries are still in the form: note them, then reload.";

export async function action(args: ActionFunctionArgs) {
  const { user, teamRole } = await authorizeUser(args, ROUTE, "action");
  const id = Number(args.params.applicationId);
  const formData = await args.request.formData();
  found(id);
  if (formData.get("intent") === "accept") {
    if (!holds(user.kind, "accept:offer", teamRole))
      throw forbidden(
        "Only HR (recruiters) and admins can mark an offer accepted. Ask an admin if you need this permission.",
      );
    const parsed = parseFormData(acceptOfferSchema, formData);
    if (!parsed.ok)
      return invalid(formData, {
        intent: "accept" as const,
        fieldErrors: parsed.fieldErrors,
        formError: parsed.formError,
      });
    const result = acceptOffer({
      applicationId: id,
      version: parsed.data.version,
      acceptedOn: parsed.data.acceptedOn,
      actorId: user.id,
    });
    if (!result.ok && result.reason === "not-found")
      return invalid(
        formData,
        { intent: "accept" as const, fieldErrors: {}, formError: "There is no offer on this application." },
        { status: 404 },
      );
    if (!result.ok && result.reason === "conflict")
      return invalid(formData, { intent: "accept" as const, fieldErrors: {}, formError: conflict }, { status: 409 });
    if (!result.ok && result.reason === "refused")
      return invalid(formData, { intent: "accept" as const, fieldErrors: {}, formError: result.message });
    return redirect(`/applications/${id}/offer?saved=accepted`);
  }
  const parsed = parseFormData(offerSchema, formData);
  if (!parsed.ok)
    return invalid(formData, { intent: "save" as const, fieldErrors: parsed.fieldErrors, formError: parsed.formError });
  const result = saveOffer({ applicationId: id, values: parsed.data, version: parsed.data.version, actorId: user.id });
  if (!result.ok && result.reason === "conflict")
    return invalid(formData, { intent: "save" as const, fieldErrors: {}, formError: conflict }, { status: 409 });
  if (!result.ok && result.reason === "locked")
    return invalid(formData, { intent: "save" as const, fieldErrors: {}, formError: result.message });
  if (!result.ok) throw new Error("unreachable");
  return redirect(
    `/applications/${id}/offer?saved=${result.created ? "created" : result.newTerms ? "new-terms" : "note"}`,
  );
}

type Data = ReturnType<typeof useLoaderData<typeof loader>>;

function OfferForm({
  offer,
  defaultCurrency,
  today,
}: {
  offer: Data["offer"];
  defaultCurrency: string;
  today: string;
}) {
  const actionData = useActionData<typeof action>();
  const mine = actionData?.intent === "save" ? actionData : null;
  const navigation = useNavigation();
  const { formRef, register, onSubmit, errorFor, typed, summary } = useValidatedForm(offerSchema, {
    serverErrors: mine?.fieldErrors,
    submitted: mine?.values,
  });
  return (
    <Form
      method="post"
      ref={formRef}
      onSubmit={onSubmit}
      className="stack"
      noValidate
      aria-label={offer ? "Edit offer" : "New offer"}
    >
      <input type="hidden" name="intent" value="save" />
      <input type="hidden" name="version" value={typed("version", offer ? String(offer.version) : "")} />
      <FormError error={mine?.formError} summary={summary} />
      <div className="fields">
        <SelectField
          label="Pay stated as"
          name="payKind"
          options={labelled(payKinds, payKindLabels)}
          defaultValue={typed("payKind", offer?.payKind ?? "annual")}
          register={register}
          error={errorFor("payKind")}
        />
        <Field
          label="Amount"
          hint="Whole units of the currency: a year's salary, an hourly rate or the fixed price"
          error={errorFor("amount")}
        >
          {(aria) => (
            <input
              type="text"
              inputMode="numeric"
              defaultValue={typed("amount", offer ? String(offer.amount) : "")}
              {...aria}
              {...register("amount")}
            />
          )}
        </Field>
        <SelectField
          label="Currency"
          name="currency"
          options={labelled(currencies)}
          defaultValue={typed("currency", offer?.currency ?? defaultCurrency)}
          register={register}
          error={errorFor("currency")}
        />
        <Field label="Start date" error={errorFor("startDate")}>
          {(aria) => (
            <input
              type="date"
              min={today}
              defaultValue={typed("startDate", offer?.startDate ?? "")}
              {...aria}
              {...register("startDate")}
            />
          )}
        </Field>
        <Field
          label="Terms note"
          hint="Equity, sign-on, notice period, contract length… Editing only this note keeps the approvals."
          error={errorFor("termsNote")}
          wide
        >
          {(aria) => (
            <textarea defaultValue={typed("termsNote", offer?.termsNote ?? "")} {...aria} {...register("termsNote")} />
          )}
        </Field>
      </div>
      {offer ? (
        <p className="hint">
          Changing the pay, its kind, the currency or the start date makes new terms: approvals given so far stop
          counting and the approvers are asked again.
        </p>
      ) : null}
      <div className="actions">
        <button type="submit" className="btn btn-primary" disabled={navigation.state === "submitting"}>
          {offer ? "Save offer" : "Create offer and ask for approval"}
        </button>
      </div>
    </Form>
  );
}

function AcceptForm({ offer, today }: { offer: OfferSummary & { version: number }; today: string }) {
  const actionData = useActionData<typeof action>();
  const mine = actionData?.intent === "accept" ? actionData : null;
  const navigation = useNavigation();
  const { formRef, register, onSubmit, errorFor, typed, summary } = useValidatedForm(acceptOfferSchema, {
    serverErrors: mine?.fieldErrors,
    submitted: mine?.values,
  });
  return (
    <Form method="post" ref={formRef} onSubmit={onSubmit} className="stack" noValidate aria-label="Mark offer accepted">
      <input type="hidden" name="intent" value="accept" />
      <input type="hidden" name="version" value={typed("version", String(offer.version))} />
      <FormError error={mine?.formError} summary={summary} />
      <div className="fields">
        <Field
          label="Date accepted"
          hint="The day the candidate said yes, from their signed offer"
          error={errorFor("acceptedOn")}
        >
          {(aria) => (
            <input
              type="date"
              max={today}
              defaultValue={typed("acceptedOn", today)}
              {...aria}
              {...register("acceptedOn")}
            />
          )}
        </Field>
      </div>
      <div className="actions">
        <button type="submit" className="btn btn-primary" disabled={navigation.state === "submitting"}>
          Mark accepted
        </button>
      </div>
    </Form>
  );
}

const savedText: Record<string, string> = {
  created: "Offer created: the approvers have been asked.",
  "new-terms": "Offer saved with new terms: the approvers are asked again.",
  note: "Offer saved; its approvals still count.",
  accepted: "Offer marked accepted: the candidate can now be moved to Hired.",
};

type OfferData = SerializeFrom<typeof loader>;

/** Every approver's decision on every version of the terms; those on earlier terms no longer count. */
function DecisionHistory({ offer }: { offer: NonNullable<OfferData["offer"]> }) {
  return (
    <details>
      <summary>Every decision ({offer.decisions.length})</summary>
      <ul className="history small">
        {offer.decisions.map((d, i) => (
          <li key={i}>
            <Moment at={d.decidedAt} />: {d.approverName} {d.decision === "approve" ? "approved" : "declined"} version{" "}
            {d.termsVersion}
            {d.termsVersion !== offer.termsVersion ? " (earlier terms: no longer counts)" : ""}
            {d.comment ? `: “${d.comment}”` : ""}
          </li>
        ))}
      </ul>
    </details>
  );
}

/** The terms and where their approval stands, who approves, and every decision so far. */
function ApprovalSection(props: Pick<OfferData, "offer" | "chain" | "waitingForMe" | "canEditChain" | "role">) {
  const { offer, chain, waitingForMe, canEditChain, role } = props;
  return (
    <section className="card" aria-labelledby="approval-heading">
      <h2 id="approval-heading">Approval</h2>
      {offer ? (
        <>
          <OfferTermsList offer={offer} />
          <OfferApprovals offer={offer} />
          {waitingForMe ? (
            <p className="alert alert-warn">
              This offer waits for your decision: <Link to="/approvals">approve or decline it in your approvals</Link>.
            </p>
          ) : null}
        </>
      ) : (
        <p className="muted">No offer yet.</p>
      )}
      <p className="hint">
        Who approves: {chain.rule}
        {chain.approvers.length ? ` (${chain.approvers.join(", ")})` : ""}.{" "}
        {canEditChain ? <Link to={`/roles/${role.id}/approvals`}>Change the approvers</Link> : null}
      </p>
      {offer?.decisions.length ? <DecisionHistory offer={offer} /> : null}
    </section>
  );
}

export default function OfferPage() {
  const data = useLoaderData<typeof loader>();
  const { application, role, subject, offer, defaultCurrency, canEdit, canAccept, today } = data;
  const [params] = useSearchParams();
  const saved = params.get("saved");
  const editable = canEdit && (!offer || offer.status !== "accepted");
  return (
    <>
      <PageHeader
        title={`Offer: ${subject}`}
        badge={offer ? <OfferStatusBadge status={offer.status} /> : undefined}
        subtitle={
          <>
            for <Link to={`/roles/${role.id}`}>{role.title}</Link>
          </>
        }
        actions={
          <>
            <Link to={`/applications/${application.id}`} className="btn">
              Application
            </Link>
            <Link to={`/applications/${application.id}/debrief`} className="btn">
              Debrief
            </Link>
          </>
        }
      />
      {saved && savedText[saved] ? <Notice>{savedText[saved]}</Notice> : null}
      <div className="grid grid-2 align-start">
        <ApprovalSection {...data} />
        <div>
          {editable ? (
            <section className="card" aria-labelledby="terms-heading">
              <h2 id="terms-heading">{offer ? "Edit the offer" : "Draft the offer"}</h2>
              <OfferForm offer={offer} defaultCurrency={defaultCurrency} today={today} />
            </section>
          ) : null}
          {offer && canAccept && (offer.status === "approved" || offer.status === "accepted") ? (
            <section className="card" aria-labelledby="accept-heading">
              <h2 id="accept-heading">Candidate&rsquo;s answer</h2>
              {offer.status === "accepted" ? (
                <p>
                  Accepted on {formatDate(offer.acceptedOn)}
                  {offer.acceptedBy ? `, recorded by ${offer.acceptedBy}` : ""}.
                </p>
              ) : (
                <AcceptForm offer={offer} today={today} />
              )}
            </section>
          ) : null}
        </div>
      </div>
    </>
  );
}
