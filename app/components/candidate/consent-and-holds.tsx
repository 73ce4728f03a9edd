// The candidate page's data-protection sections: the candidate's consent (to
// process their data, to keep them on file) and, for HR, their legal holds
// with the forms to add one and end one. The holds form posts to
// /candidates/:id/holds, which shows the same section again when it refuses.
import { Form, useNavigation } from "@remix-run/react";
import { Field, FormError, useValidatedForm } from "~/components/form";
import { formatDate } from "~/components/ui";
import {
  candidateConsents,
  consentPurposeLabels,
  consentSourceLabels,
  consentState,
  consentStateLabels,
  type ConsentPurpose,
  type ConsentSource,
} from "~/domain/consent";
import { holdApplies } from "~/domain/retention";
import { addHoldSchema } from "~/schemas/hold";
import type { FieldErrors, Submitted } from "~/utils/forms";

type ConsentColumns = Parameters<typeof candidateConsents>[0];

const stateBadge = { current: "badge-ready", expired: "badge-bad", missing: "badge-draft" } as const;

export function ConsentSection({ candidate, today }: { candidate: ConsentColumns; today: string }) {
  const consents = candidateConsents(candidate);
  return (
    <section className="card" aria-labelledby="consent">
      <h2 id="consent">Consent</h2>
      <ul className="plain consent-list">
        {(Object.keys(consents) as ConsentPurpose[]).map((purpose) => {
          const consent = consents[purpose];
          const state = consentState(consent, today);
          return (
            <li key={purpose}>
              <span className="consent-purpose">{consentPurposeLabels[purpose]}</span>
              <span className={`badge ${stateBadge[state]}`}>{consentStateLabels[state]}</span>
              {state === "missing" ? null : (
                <span className="small">
                  {" "}
                  given {formatDate(consent.givenAt)}
                  {consent.source ? ` (${consentSourceLabels[consent.source as ConsentSource]})` : ""},{" "}
                  {consent.expiresAt === null
                    ? "until withdrawn"
                    : `${state === "expired" ? "ended" : "until"} ${formatDate(consent.expiresAt)}`}
                </span>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

export type HoldRow = {
  id: number;
  reason: string;
  until: string;
  createdBy: string | null;
  endedAt: string | Date | null;
};

/** The candidate's legal holds, the one that applies first; a form to add one and a button to end each. */
export function HoldsSection(props: {
  candidateId: number;
  holds: HoldRow[];
  today: string;
  serverErrors?: FieldErrors | null;
  submitted?: Submitted | null;
  formError?: string | null;
}) {
  const { holds, today } = props;
  return (
    <section className="card" aria-labelledby="holds">
      <h2 id="holds">Legal holds</h2>
      <p className="small muted">
        A hold keeps this candidate&rsquo;s data from erasure and the retention rule until its end date.
      </p>
      {holds.length === 0 ? (
        <p className="muted">No holds.</p>
      ) : (
        <ul className="plain hold-list">
          {holds.map((h) => {
            const applies = holdApplies({ until: h.until, endedAt: h.endedAt ? new Date(h.endedAt) : null }, today);
            return (
              <li key={h.id} className="row-between">
                <span>
                  <span className={`badge ${applies ? "badge-on_hold" : "badge-closed"}`}>
                    {applies ? "On hold" : "Ended"}
                  </span>{" "}
                  until {formatDate(h.until)}: <span className="prewrap">{h.reason}</span>
                  {h.createdBy ? <span className="small muted"> · by {h.createdBy}</span> : null}
                </span>
                {applies ? (
                  <Form method="post" action={`/candidates/${props.candidateId}/holds`}>
                    <input type="hidden" name="intent" value="end" />
                    <input type="hidden" name="holdId" value={h.id} />
                    <button type="submit" className="btn btn-small">
                      End hold
                    </button>
                  </Form>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
      {/* Keyed by the holds, so the form starts empty again once a hold is added. */}
      <AddHoldForm key={holds.map((h) => h.id).join(",")} {...props} />
    </section>
  );
}

function AddHoldForm(props: Parameters<typeof HoldsSection>[0]) {
  const navigation = useNavigation();
  const { formRef, register, onSubmit, errorFor, typed, summary } = useValidatedForm(addHoldSchema, {
    serverErrors: props.serverErrors,
    submitted: props.submitted,
  });
  return (
    <Form
      method="post"
      action={`/candidates/${props.candidateId}/holds`}
      ref={formRef}
      onSubmit={onSubmit}
      className="stack hold-form"
      noValidate
      aria-label="Add a legal hold"
    >
      <h3>Add a hold</h3>
      <FormError error={props.formError} summary={summary} />
      <input type="hidden" name="intent" value="add" />
      <Field label="Hold reason" error={errorFor("reason")} hint="For example, the matter or request it answers.">
        {(aria) => <textarea rows={2} defaultValue={typed("reason", "")} {...aria} {...register("reason")} />}
      </Field>
      <Field label="Hold until" error={errorFor("until")}>
        {(aria) => <input type="date" defaultValue={typed("until", "")} {...aria} {...register("until")} />}
      </Field>
      <div className="actions">
        <button type="submit" className="btn" disabled={navigation.state === "submitting"}>
          Add hold
        </button>
      </div>
    </Form>
  );
}
