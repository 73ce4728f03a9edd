// The candidate form's consent fieldset: for each purpose (to process their
// data, to keep them on file) the day it was given, how, and its last day.
import { Field, labelled, SelectField, type ValidatedForm } from "~/components/form";
import { consentPurposeLabels, consentSourceLabels, consentSources } from "~/domain/consent";
import { consentFields } from "~/schemas/candidate";

export function ConsentFieldset({ form, text }: { form: ValidatedForm; text: (name: string) => string }) {
  const { register, errorFor } = form;
  return (
    <fieldset>
      <legend>Consent</legend>
      <p className="fieldset-intro">
        What the candidate agreed to, when and how. Leave the last day empty for consent that holds until withdrawn.
        Consent to keep them on file with a last day keeps them past the retention period until that day.
      </p>
      {(Object.keys(consentFields) as (keyof typeof consentFields)[]).map((purpose) => {
        const f = consentFields[purpose];
        const label = consentPurposeLabels[purpose];
        return (
          <div className="fields" key={purpose} role="group" aria-label={label}>
            <Field label={`${label}: given on`} error={errorFor(f.at)}>
              {(aria) => <input type="date" defaultValue={text(f.at)} {...aria} {...register(f.at)} />}
            </Field>
            <SelectField
              label={`${label}: how`}
              name={f.source}
              options={labelled(consentSources, consentSourceLabels)}
              defaultValue={text(f.source)}
              register={register}
              error={errorFor(f.source)}
              blank="Not recorded"
            />
            <Field label={`${label}: last day`} hint="Optional" error={errorFor(f.expiresAt)}>
              {(aria) => <input type="date" defaultValue={text(f.expiresAt)} {...aria} {...register(f.expiresAt)} />}
            </Field>
          </div>
        );
      })}
    </fieldset>
  );
}
