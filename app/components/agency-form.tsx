import { Form, useNavigation } from "@remix-run/react";
import {
  Field,
  FormError,
  GroupError,
  labelled,
  SelectField,
  useValidatedForm,
  type ValidatedForm,
} from "~/components/form";
import {
  agencyKindLabels,
  agencyKinds,
  assessmentLabels,
  assessments,
  currencies,
  vettingQuestions,
  type Assessment,
} from "~/domain/reference";
import { agencyArrayFields, agencyFormSchema } from "~/schemas/agency";
import type { FieldErrors, Submitted } from "~/utils/forms";

export type AgencyDefaults = Record<string, string | string[]>;
/** Where the fields start: what was sent if the server refused it, else the defaults. */
type AgencyValues = {
  text: (name: string) => string;
  list: (name: string) => string[];
  ticked: (name: string) => boolean;
};
const CONTACT_ROWS = 3;

/** `submitted` is what was sent when the server refused the form; it replaces the defaults so nothing typed is lost. */
export function AgencyForm(props: {
  defaults: AgencyDefaults;
  serverErrors?: FieldErrors | null;
  submitted?: Submitted | null;
  formError?: string | null;
  submitLabel: string;
  version?: number;
}) {
  const navigation = useNavigation();
  const form = useValidatedForm(agencyFormSchema, {
    arrayFields: agencyArrayFields,
    serverErrors: props.serverErrors,
  });
  const d = props.submitted ?? props.defaults;
  const text = (name: string) => (typeof d[name] === "string" ? (d[name] as string) : "");
  const list = (name: string) => (Array.isArray(d[name]) ? (d[name] as string[]) : []);
  // A spare row after the saved contacts; a refused form comes back with the rows it was sent with.
  const rows = Math.max(CONTACT_ROWS, list("contactName").length + (props.submitted ? 0 : 1));
  const ticked = (name: string) => text(name) === "true" || text(name) === "on";
  const values = { text, list, ticked };
  const { formRef, register, onSubmit, errorFor, summary } = form;
  return (
    <Form method="post" ref={formRef} onSubmit={onSubmit} className="stack" noValidate aria-label="Agency">
      {props.version ? (
        <input
          type="hidden"
          name="version"
          value={typeof props.submitted?.version === "string" ? props.submitted.version : props.version}
        />
      ) : null}
      <FormError error={props.formError} summary={summary} />
      <VendorFieldsets form={form} values={values} />
      <ContactsFieldset rows={rows} list={list} error={errorFor("contacts")} />
      <VettingFieldset form={form} values={values} />
      <fieldset>
        <legend>Notes</legend>
        <Field label="Notes" error={errorFor("notes")} wide>
          {(aria) => <textarea rows={3} defaultValue={text("notes")} {...aria} {...register("notes")} />}
        </Field>
      </fieldset>
      <div className="actions">
        <button type="submit" className="btn btn-primary" disabled={navigation.state === "submitting"}>
          {navigation.state === "submitting" ? "Saving…" : props.submitLabel}
        </button>
      </div>
    </Form>
  );
}

/** Who the vendor is, and its rate card. */
function VendorFieldsets({ form, values }: { form: ValidatedForm; values: AgencyValues }) {
  const { register, errorFor } = form;
  const { text } = values;
  return (
    <>
      <fieldset>
        <legend>Vendor</legend>
        <div className="fields">
          <Field label="Name" error={errorFor("name")}>
            {(aria) => <input type="text" defaultValue={text("name")} {...aria} {...register("name")} />}
          </Field>
          <SelectField
            label="Kind"
            name="kind"
            options={labelled(agencyKinds, agencyKindLabels)}
            defaultValue={text("kind") || "staffing_agency"}
            register={register}
            error={errorFor("kind")}
          />
          <Field label="Website" error={errorFor("website")}>
            {(aria) => (
              <input type="text" inputMode="url" defaultValue={text("website")} {...aria} {...register("website")} />
            )}
          </Field>
        </div>
      </fieldset>
      <fieldset>
        <legend>Rate card</legend>
        <p className="fieldset-intro">Rates are private: admins, recruiters and hiring managers only.</p>
        <div className="fields">
          <Field label="Lowest hourly rate" error={errorFor("rateMin")}>
            {(aria) => (
              <input
                type="text"
                inputMode="numeric"
                defaultValue={text("rateMin")}
                {...aria}
                {...register("rateMin")}
              />
            )}
          </Field>
          <Field label="Highest hourly rate" error={errorFor("rateMax")}>
            {(aria) => (
              <input
                type="text"
                inputMode="numeric"
                defaultValue={text("rateMax")}
                {...aria}
                {...register("rateMax")}
              />
            )}
          </Field>
          <Field label="Markup (%)" error={errorFor("markupPercent")}>
            {(aria) => (
              <input
                type="text"
                inputMode="numeric"
                defaultValue={text("markupPercent")}
                {...aria}
                {...register("markupPercent")}
              />
            )}
          </Field>
          <SelectField
            label="Currency"
            name="currency"
            options={labelled(currencies)}
            defaultValue={text("currency") || "USD"}
            register={register}
            error={errorFor("currency")}
          />
        </div>
      </fieldset>
    </>
  );
}

/** A row per contact: name, email, phone and title. */
function ContactsFieldset({ rows, list, error }: { rows: number; list: AgencyValues["list"]; error?: string }) {
  return (
    <fieldset>
      <legend>Contacts</legend>
      <div className="contacts">
        {Array.from({ length: rows }, (_, i) => (
          <fieldset key={i} className="contact-row">
            <legend className="visually-hidden">Contact {i + 1}</legend>
            <label>
              <span className="small">Contact {i + 1} name</span>
              <input type="text" name="contactName" defaultValue={list("contactName")[i] ?? ""} />
            </label>
            <label>
              <span className="small">Email</span>
              <input
                type="email"
                name="contactEmail"
                aria-label={`Contact ${i + 1} email`}
                defaultValue={list("contactEmail")[i] ?? ""}
              />
            </label>
            <label>
              <span className="small">Phone</span>
              <input
                type="text"
                name="contactPhone"
                aria-label={`Contact ${i + 1} phone`}
                defaultValue={list("contactPhone")[i] ?? ""}
              />
            </label>
            <label>
              <span className="small">Title</span>
              <input
                type="text"
                name="contactTitle"
                aria-label={`Contact ${i + 1} title`}
                defaultValue={list("contactTitle")[i] ?? ""}
              />
            </label>
          </fieldset>
        ))}
      </div>
      <GroupError error={error} />
    </fieldset>
  );
}

/** The vetting call: each question's answer, assessment and notes, and the two commitments. */
function VettingFieldset({ form, values }: { form: ValidatedForm; values: AgencyValues }) {
  const { register, group, errorFor } = form;
  const { text, ticked } = values;
  return (
    <fieldset>
      <legend>Vetting</legend>
      <p className="fieldset-intro">
        Ask each question on the vetting call; record the answer and how it sounded against what good looks like.
      </p>
      {vettingQuestions.map((q) => (
        <fieldset key={q.key} className="vetting">
          <legend>{q.question}</legend>
          <p className="hint">
            Good: {q.good} Bad: {q.bad}
          </p>
          <div className="fields">
            <Field label="Their answer" error={errorFor(`vet_${q.key}_answer`)} wide>
              {(aria) => (
                <textarea
                  rows={2}
                  defaultValue={text(`vet_${q.key}_answer`)}
                  {...aria}
                  {...register(`vet_${q.key}_answer`)}
                />
              )}
            </Field>
            <div className="field">
              <span className="label" id={`assess-${q.key}`}>
                Assessment
              </span>
              <div className="radio-row" role="radiogroup" aria-labelledby={`assess-${q.key}`}>
                {[...assessments, ""].map((a) => (
                  <label key={a || "none"}>
                    <input
                      type="radio"
                      value={a}
                      defaultChecked={text(`vet_${q.key}_assessment`) === a}
                      {...group(`vet_${q.key}_assessment`)}
                    />{" "}
                    {a ? assessmentLabels[a as Assessment] : "Not asked yet"}
                  </label>
                ))}
              </div>
            </div>
            <Field label="Notes" error={errorFor(`vet_${q.key}_notes`)}>
              {(aria) => (
                <input
                  type="text"
                  defaultValue={text(`vet_${q.key}_notes`)}
                  {...aria}
                  {...register(`vet_${q.key}_notes`)}
                />
              )}
            </Field>
          </div>
        </fieldset>
      ))}
      <div className="checks">
        <label>
          <input type="checkbox" value="on" defaultChecked={ticked("offersHandover")} {...group("offersHandover")} />{" "}
          Offers a handover package (architecture doc, runbook, monitoring, support window)
        </label>
        <label>
          <input
            type="checkbox"
            value="on"
            defaultChecked={ticked("writtenAcceptanceCriteria")}
            {...group("writtenAcceptanceCriteria")}
          />{" "}
          Agrees to written acceptance criteria (metric and threshold, low-confidence fallback, monitoring, support
          window)
        </label>
      </div>
    </fieldset>
  );
}
