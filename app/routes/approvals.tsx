import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { Field, FormError, useValidatedForm } from "~/components/form";
import { payText } from "~/components/offer-panel";
import { formatDate, Notice, PageHeader } from "~/components/ui";
import { recordView } from "~/models/audit.server";
import { getMask, getShownName } from "~/models/masking.server";
import { decideOffer, listOffersAwaiting, listRecentOfferDecisions } from "~/models/offer.server";
import { offerDecisionSchema } from "~/schemas/offer";
import { authorizeUser } from "~/utils/authorize.server";
import { parseFormData } from "~/utils/forms";
import { invalid } from "~/utils/forms.server";

export const meta: MetaFunction = () => [{ title: "Approvals · AI Talent Scorecards" }];

export async function loader(args: LoaderFunctionArgs) {
  const { user } = await authorizeUser(args, "routes/approvals", "loader");
  // Someone this user grades anonymously keeps the take-home's alias here too, without links.
  const mask = getMask(user.id);
  const waiting = listOffersAwaiting(user).map((o) => ({
    ...o,
    masked: mask.applicationIds.has(o.applicationId),
    subject: getShownName(mask, o.applicationId, o.subject),
  }));
  const decided = listRecentOfferDecisions(user.id).map((d) => ({
    ...d,
    masked: mask.applicationIds.has(d.applicationId),
    subject: getShownName(mask, d.applicationId, d.subject),
  }));
  // The offers waiting show their terms: pay, seen once per page served.
  if (waiting.length > 0) recordView({ actorId: user.id, action: "pay.view", rows: waiting.length });
  return { waiting, decided };
}

export async function action(args: ActionFunctionArgs) {
  const { user } = await authorizeUser(args, "routes/approvals", "action");
  const formData = await args.request.formData();
  const offerId = Number(formData.get("offerId")) || null;
  const parsed = parseFormData(offerDecisionSchema, formData);
  if (!parsed.ok) return invalid(formData, { offerId, fieldErrors: parsed.fieldErrors, formError: parsed.formError });
  const result = decideOffer({ ...parsed.data, actorId: user.id });
  if (!result.ok && result.reason === "not-found")
    return invalid(
      formData,
      { offerId, fieldErrors: {}, formError: "This offer is no longer open for approval." },
      { status: 404 },
    );
  if (!result.ok && result.reason === "stale") {
    return invalid(
      formData,
      {
        offerId,
        fieldErrors: {},
        formError:
          "The offer's terms changed after you opened this page; nothing was recorded. Reload to see the new terms.",
      },
      { status: 409 },
    );
  }
  if (!result.ok && result.reason === "refused")
    return invalid(formData, { offerId, fieldErrors: {}, formError: result.message }, { status: 403 });
  return redirect(`/approvals?decided=${parsed.data.decision}`);
}

type Item = ReturnType<typeof useLoaderData<typeof loader>>["waiting"][number];

function DecisionForm({ item }: { item: Item }) {
  const actionData = useActionData<typeof action>();
  const mine = actionData?.offerId === item.offerId ? actionData : null;
  const navigation = useNavigation();
  const { formRef, register, onSubmit, errorFor, typed, summary } = useValidatedForm(offerDecisionSchema, {
    serverErrors: mine?.fieldErrors,
    submitted: mine?.values,
  });
  const label = `Decide on the offer to ${item.subject}`;
  return (
    <Form method="post" ref={formRef} onSubmit={onSubmit} className="stack offer-count" noValidate aria-label={label}>
      <input type="hidden" name="offerId" value={item.offerId} />
      <input type="hidden" name="termsVersion" value={typed("termsVersion", String(item.termsVersion))} />
      <FormError error={mine?.formError} summary={summary} />
      <Field label="Comment" hint="Optional when approving; say why when declining" error={errorFor("comment")} wide>
        {(aria) => <textarea defaultValue={typed("comment", "")} {...aria} {...register("comment")} />}
      </Field>
      <div className="actions">
        <button
          type="submit"
          name="decision"
          value="approve"
          className="btn btn-primary"
          disabled={navigation.state === "submitting"}
        >
          Approve
        </button>
        <button
          type="submit"
          name="decision"
          value="decline"
          className="btn"
          disabled={navigation.state === "submitting"}
        >
          Decline
        </button>
      </div>
    </Form>
  );
}

export default function Approvals() {
  const { waiting, decided } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const done = params.get("decided");
  return (
    <>
      <PageHeader
        title="Approvals"
        subtitle="Offers whose terms wait for your decision. The debrief is one click away on each."
      />
      {done === "approve" ? (
        <Notice>Approved.</Notice>
      ) : done === "decline" ? (
        <Notice>Declined: the author sees your comment.</Notice>
      ) : null}
      <section aria-labelledby="waiting-heading">
        <h2 id="waiting-heading">Waiting for your approval ({waiting.length})</h2>
        {waiting.length === 0 ? <p className="card muted">Nothing waits for you.</p> : null}
        <ul className="plain stack">
          {waiting.map((item) => (
            <li key={item.offerId} className="card" aria-label={item.subject}>
              <div className="row-between no-border">
                <h3>
                  {item.masked ? (
                    item.subject
                  ) : (
                    <Link to={`/applications/${item.applicationId}/offer`}>{item.subject}</Link>
                  )}
                </h3>
                {item.masked ? null : (
                  <Link to={`/applications/${item.applicationId}/debrief`} className="btn btn-small">
                    Debrief
                  </Link>
                )}
              </div>
              <dl className="facts offer-facts">
                <dt>Role</dt>
                <dd>{item.roleTitle}</dd>
                <dt>Pay</dt>
                <dd>{payText(item)}</dd>
                <dt>Start date</dt>
                <dd>{formatDate(item.startDate)}</dd>
                {item.termsNote ? (
                  <>
                    <dt>Terms note</dt>
                    <dd className="prewrap">{item.termsNote}</dd>
                  </>
                ) : null}
                <dt>Offer by</dt>
                <dd>{item.createdBy ?? "someone"}</dd>
                <dt>Approvals so far</dt>
                <dd>
                  {item.approvals} of {item.needed}
                  {item.reapproval ? (
                    <span className="muted small"> · the terms changed since you approved: asked again</span>
                  ) : null}
                </dd>
              </dl>
              <DecisionForm item={item} />
            </li>
          ))}
        </ul>
      </section>
      {decided.length ? (
        <section className="card" aria-labelledby="decided-heading">
          <h2 id="decided-heading">Your recent decisions</h2>
          <ul className="plain small">
            {decided.map((d, i) => (
              <li key={i} className="row-between">
                <span>
                  {d.masked ? d.subject : <Link to={`/applications/${d.applicationId}/offer`}>{d.subject}</Link>}{" "}
                  <span className="muted">
                    {d.roleTitle} · version {d.termsVersion}
                  </span>
                  {d.comment ? <span className="muted"> · &ldquo;{d.comment}&rdquo;</span> : null}
                </span>
                <span className={d.decision === "approve" ? "badge badge-open" : "badge badge-bad"}>
                  {d.decision === "approve" ? "Approved" : "Declined"}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
