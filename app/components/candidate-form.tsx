import { Form, Link, useNavigation } from "@remix-run/react";
import { ConsentFieldset } from "~/components/candidate-consent-fields";
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
  candidateEngagementTypeLabels,
  candidateEngagementTypes,
  candidateSourceLabels,
  candidateSources,
  currencies,
  payKindLabels,
  payKinds,
  suggestedSkills,
} from "~/domain/reference";
import { candidateArrayFields, candidateFormSchema } from "~/schemas/candidate";
import type { FieldErrors, Submitted } from "~/utils/forms";

export type CandidateDefaults = Record<string, string | string[]>;

export function CandidateForm(props: {
  defaults: CandidateDefaults;
  serverErrors?: FieldErrors | null;
  /** What was sent when the server refused the form; it replaces the defaults so nothing typed is lost. */
  submitted?: Submitted | null;
  formError?: string | null;
  existing?: { id: number; name: string } | null;
  submitLabel: string;
  version?: number;
  hidden?: Record<string, string>;
}) {
  const navigation = useNavigation();
  const form = useValidatedForm(candidateFormSchema, {
    arrayFields: candidateArrayFields,
    serverErrors: props.serverErrors,
  });
  const d = props.submitted ?? props.defaults;
  const text = (name: string) => (typeof d[name] === "string" ? (d[name] as string) : "");
  const skills = Array.isArray(d.skills) ? d.skills : [];
  const suggested = suggestedSkills as readonly string[];
  const otherSkills = props.submitted ? text("otherSkills") : skills.filter((s) => !suggested.includes(s)).join(", ");
  const { formRef, register, group, onSubmit, errorFor, summary } = form;

  return (
    <Form method="post" ref={formRef} onSubmit={onSubmit} className="stack" noValidate aria-label="Candidate">
      {props.version ? (
        <input
          type="hidden"
          name="version"
          value={typeof props.submitted?.version === "string" ? props.submitted.version : props.version}
        />
      ) : null}
      {Object.entries(props.hidden ?? {}).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <FormError error={props.formError} summary={summary} />
      {props.existing ? <DuplicateNotice existing={props.existing} roleId={props.hidden?.roleId} /> : null}
      <PersonFieldsets form={form} text={text} />
      <EngagementFieldset form={form} text={text} />
      <ConsentFieldset form={form} text={text} />
      <fieldset>
        <legend>Skills</legend>
        <div className="checks">
          {suggestedSkills.map((s) => (
            <label key={s}>
              <input type="checkbox" value={s} defaultChecked={skills.includes(s)} {...group("skills")} /> {s}
            </label>
          ))}
        </div>
        <GroupError error={errorFor("skills")} />
        <div className="fields">
          <Field label="Other skills" hint="Separate with commas" error={errorFor("otherSkills")} wide>
            {(aria) => <input type="text" defaultValue={otherSkills} {...aria} {...register("otherSkills")} />}
          </Field>
          <Field label="Notes" error={errorFor("notes")} wide>
            {(aria) => <textarea rows={3} defaultValue={text("notes")} {...aria} {...register("notes")} />}
          </Field>
        </div>
      </fieldset>
      <div className="actions">
        <button type="submit" className="btn btn-primary" disabled={navigation.state === "submitting"}>
          {navigation.state === "submitting" ? "Saving…" : props.submitLabel}
        </button>
      </div>
    </Form>
  );
}

export function candidateToDefaults(c: Record<string, unknown>): CandidateDefaults {
  const out: CandidateDefaults = {};
  for (const [key, value] of Object.entries(c)) {
    out[key] = Array.isArray(value) ? value.map(String) : value === null || value === undefined ? "" : String(value);
  }
  return out;
}

/** The email is already on file: open that record, or add that person to the role, instead of a duplicate. */
function DuplicateNotice({ existing, roleId }: { existing: { id: number; name: string }; roleId?: string }) {
  return (
    <div className="alert alert-warn">
      {existing.name} is already on file with this email.{" "}
      <Link to={`/candidates/${existing.id}`}>Open {existing.name}&rsquo;s record</Link> instead of creating a duplicate
      {roleId ? (
        <>
          {" "}
          or <Link to={`/roles/${roleId}/applications/new?candidateId=${existing.id}`}>add them to this role</Link>
        </>
      ) : null}
      .
    </div>
  );
}

/** Who the person is and where to find them: contact details, source and links. */
function PersonFieldsets({ form, text }: { form: ValidatedForm; text: (name: string) => string }) {
  const { register, errorFor } = form;
  return (
    <>
      <fieldset>
        <legend>Person</legend>
        <div className="fields">
          <Field label="Name" error={errorFor("name")}>
            {(aria) => (
              <input type="text" autoComplete="off" defaultValue={text("name")} {...aria} {...register("name")} />
            )}
          </Field>
          <Field label="Email" error={errorFor("email")}>
            {(aria) => (
              <input type="email" autoComplete="off" defaultValue={text("email")} {...aria} {...register("email")} />
            )}
          </Field>
          <Field label="Phone" error={errorFor("phone")}>
            {(aria) => <input type="text" defaultValue={text("phone")} {...aria} {...register("phone")} />}
          </Field>
          <Field label="Location" error={errorFor("location")}>
            {(aria) => <input type="text" defaultValue={text("location")} {...aria} {...register("location")} />}
          </Field>
          <Field label="Time zone" hint="e.g. America/Chicago or UTC+1" error={errorFor("timezone")}>
            {(aria) => <input type="text" defaultValue={text("timezone")} {...aria} {...register("timezone")} />}
          </Field>
          <SelectField
            label="Source"
            name="source"
            options={labelled(candidateSources, candidateSourceLabels)}
            defaultValue={text("source") || "sourced"}
            register={register}
            error={errorFor("source")}
          />
        </div>
      </fieldset>
      <fieldset>
        <legend>Links</legend>
        <div className="fields">
          <Field label="Profile link" hint="LinkedIn or similar" error={errorFor("profileUrl")}>
            {(aria) => (
              <input
                type="text"
                inputMode="url"
                defaultValue={text("profileUrl")}
                {...aria}
                {...register("profileUrl")}
              />
            )}
          </Field>
          <Field label="Code link" hint="GitHub, GitLab" error={errorFor("codeUrl")}>
            {(aria) => (
              <input type="text" inputMode="url" defaultValue={text("codeUrl")} {...aria} {...register("codeUrl")} />
            )}
          </Field>
          <Field label="Portfolio link" error={errorFor("portfolioUrl")}>
            {(aria) => (
              <input
                type="text"
                inputMode="url"
                defaultValue={text("portfolioUrl")}
                {...aria}
                {...register("portfolioUrl")}
              />
            )}
          </Field>
        </div>
      </fieldset>
    </>
  );
}

/** How they would work with us, and their pay (private to those who may read pay). */
function EngagementFieldset({ form, text }: { form: ValidatedForm; text: (name: string) => string }) {
  const { register, errorFor } = form;
  return (
    <fieldset>
      <legend>Engagement and pay</legend>
      <p className="fieldset-intro">
        Pay is visible to admins, recruiters and the hiring managers of this person&rsquo;s roles, never to
        interviewers.
      </p>
      <div className="fields">
        <SelectField
          label="Engagement type"
          name="engagementType"
          options={labelled(candidateEngagementTypes, candidateEngagementTypeLabels)}
          defaultValue={text("engagementType") || "full_time"}
          register={register}
          error={errorFor("engagementType")}
        />
        <SelectField
          label="Pay type"
          name="payKind"
          options={labelled(payKinds, payKindLabels)}
          defaultValue={text("payKind")}
          register={register}
          error={errorFor("payKind")}
          blank="Not known"
        />
        <Field label="Expected pay" hint="Whole units: per year, per hour, or the quote" error={errorFor("payAmount")}>
          {(aria) => (
            <input
              type="text"
              inputMode="numeric"
              defaultValue={text("payAmount")}
              {...aria}
              {...register("payAmount")}
            />
          )}
        </Field>
        <SelectField
          label="Pay currency"
          name="payCurrency"
          options={labelled(currencies)}
          defaultValue={text("payCurrency") || "USD"}
          register={register}
          error={errorFor("payCurrency")}
        />
        <Field label="Available from" error={errorFor("availableFrom")}>
          {(aria) => (
            <input type="date" defaultValue={text("availableFrom")} {...aria} {...register("availableFrom")} />
          )}
        </Field>
      </div>
    </fieldset>
  );
}
