import { useFetcher } from "@remix-run/react";
import { Field, FormError, useValidatedForm, type ValidatedForm } from "~/components/form";
import {
  checkStatuses,
  checkStatusLabels,
  checkTypeLabels,
  classificationLabels,
  classifications,
  type EditableCheck,
} from "~/domain/compliance";
import { checkFormSchema } from "~/schemas/application";
import type { FieldErrors, Submitted } from "~/utils/forms";

/** What the server said when it refused a check's form: to the fetcher, or (without JavaScript) as the checks page's action data. */
export type CheckRefusal = { fieldErrors: FieldErrors; formError: string | null; values?: Submitted };

export type { EditableCheck } from "~/domain/compliance";

/**
 * One check's form. Posts to the application's checks route; the server decides
 * where the check lives. With JavaScript it stays on the page (a fetcher);
 * without, the browser lands on the checks page, which passes the refusal in.
 */
export function CheckEditor(props: { applicationId: number; check: EditableCheck; refused?: CheckRefusal | null }) {
  const fetcher = useFetcher<CheckRefusal>();
  const action = `/applications/${props.applicationId}/checks`;
  const server = fetcher.data ?? props.refused ?? null;
  const form = useValidatedForm(checkFormSchema, {
    serverErrors: server?.fieldErrors,
    submitted: server?.values,
    submit: (target) => fetcher.submit(target, { method: "post", action }),
  });
  const { formRef, onSubmit, summary, typed } = form;
  const c = props.check;
  const label = checkTypeLabels[c.type];
  return (
    <fetcher.Form
      method="post"
      action={action}
      ref={formRef}
      onSubmit={onSubmit}
      className="stack check-form"
      noValidate
      aria-label={`Update ${label}`}
    >
      <input type="hidden" name="type" value={c.type} />
      {c.version !== null ? <input type="hidden" name="version" value={typed("version", String(c.version))} /> : null}
      <FormError error={server?.formError} summary={summary} />
      <div className="fields">
        <CheckStateFields check={c} label={label} form={form} />
        <CheckNoteFields check={c} label={label} form={form} />
      </div>
      <div>
        <button type="submit" className="btn btn-primary" disabled={fetcher.state !== "idle"}>
          Save {label}
        </button>
      </div>
    </fetcher.Form>
  );
}

/** Where the check stands: its status (and for a classification, which one), its evidence and expiry. */
function CheckStateFields({ check: c, label, form }: { check: EditableCheck; label: string; form: ValidatedForm }) {
  const { register, errorFor, typed } = form;
  return (
    <>
      <Field label={`${label} status`} error={errorFor("status")}>
        {(aria) => (
          <select defaultValue={typed("status", c.status)} {...aria} {...register("status")}>
            {checkStatuses.map((s) => (
              <option key={s} value={s}>
                {checkStatusLabels[s]}
              </option>
            ))}
          </select>
        )}
      </Field>
      {c.type === "worker_classification" ? (
        <Field label="Classification" error={errorFor("classification")}>
          {(aria) => (
            <select
              defaultValue={typed("classification", c.classification ?? "")}
              {...aria}
              {...register("classification")}
            >
              <option value="">Not decided</option>
              {classifications.map((k) => (
                <option key={k} value={k}>
                  {classificationLabels[k]}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : null}
      <Field
        label={`${label} evidence reference`}
        hint="Document id, envelope number or file link"
        error={errorFor("evidenceRef")}
      >
        {(aria) => (
          <input
            type="text"
            defaultValue={typed("evidenceRef", c.evidenceRef ?? "")}
            {...aria}
            {...register("evidenceRef")}
          />
        )}
      </Field>
      <Field
        label={`${label} expiry date`}
        hint="If verified or received: a future date, or none"
        error={errorFor("expiresAt")}
      >
        {(aria) => (
          <input
            type="date"
            defaultValue={typed("expiresAt", c.expiresAt ?? "")}
            {...aria}
            {...register("expiresAt")}
          />
        )}
      </Field>
    </>
  );
}

/** Why: the classification's rationale (for other checks, a note), a waiver's reason, a background check's private findings. */
function CheckNoteFields({ check: c, label, form }: { check: EditableCheck; label: string; form: ValidatedForm }) {
  const { register, errorFor, typed } = form;
  return (
    <>
      {c.type === "worker_classification" ? (
        <Field
          label="Rationale"
          hint="Why this classification applies (control, tools, duration, exclusivity)"
          error={errorFor("rationale")}
          wide
        >
          {(aria) => (
            <textarea
              rows={2}
              defaultValue={typed("rationale", c.rationale ?? "")}
              {...aria}
              {...register("rationale")}
            />
          )}
        </Field>
      ) : (
        <Field label={`${label} note`} hint="Why verified without evidence, if so" error={errorFor("rationale")}>
          {(aria) => (
            <input
              type="text"
              defaultValue={typed("rationale", c.rationale ?? "")}
              {...aria}
              {...register("rationale")}
            />
          )}
        </Field>
      )}
      <Field label={`${label} waiver reason`} hint="Required when waived" error={errorFor("waiverReason")} wide>
        {(aria) => (
          <input
            type="text"
            defaultValue={typed("waiverReason", c.waiverReason ?? "")}
            {...aria}
            {...register("waiverReason")}
          />
        )}
      </Field>
      {c.type === "background_check" ? (
        <Field
          label="Findings"
          hint="Private: admins, recruiters and the role's hiring managers"
          error={errorFor("detail")}
          wide
        >
          {(aria) => (
            <textarea rows={2} defaultValue={typed("detail", c.detail ?? "")} {...aria} {...register("detail")} />
          )}
        </Field>
      ) : null}
    </>
  );
}
