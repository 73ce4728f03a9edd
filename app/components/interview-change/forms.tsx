// The interview page's reschedule and cancel forms, for those who may schedule
// interviews on the application. Both post to the page's action with an intent;
// a refusal comes back to the form that was sent.
import { Form, useActionData, useNavigation } from "@remix-run/react";
import { useMemo } from "react";
import { Field, FormError, GroupError, useValidatedForm } from "~/components/form";
import { CONFIRM_PAST_LABEL } from "~/schemas/interview";
import { interviewChangeArrayFields, interviewChangeSchema } from "~/schemas/interview-change";
import type { FieldErrors, Submitted } from "~/utils/forms";

type Answer = { fieldErrors?: FieldErrors; formError?: string | null; values?: Submitted } | undefined;

function useChangeForm(intent: "reschedule" | "cancel", zone: string) {
  const answer = useActionData() as Answer;
  const mine = answer?.values?.intent === intent ? answer : null;
  const schema = useMemo(() => interviewChangeSchema(zone), [zone]);
  const form = useValidatedForm(schema, {
    arrayFields: interviewChangeArrayFields,
    serverErrors: mine?.fieldErrors,
    submitted: mine?.values,
  });
  return { form, formError: mine?.formError ?? null, refused: Boolean(mine) };
}

export type RescheduleDefaults = {
  version: number;
  /** The current start in the actor's zone, as a datetime-local value. */
  startsAtLocal: string;
  durationMinutes: number;
  panelIds: number[];
};

export function RescheduleForm(props: {
  zone: string;
  zoneLabel: string;
  defaults: RescheduleDefaults;
  team: { userId: number; name: string; teamRole: string }[];
}) {
  const { form, formError, refused } = useChangeForm("reschedule", props.zone);
  const navigation = useNavigation();
  const { register, errorFor, typed, ticked, group } = form;
  return (
    <details className="card" open={refused}>
      <summary>
        <h2 className="inline-heading">Reschedule</h2>
      </summary>
      <Form
        method="post"
        ref={form.formRef}
        onSubmit={form.onSubmit}
        noValidate
        className="stack"
        aria-label="Reschedule"
      >
        <FormError error={formError} summary={form.summary} />
        <input type="hidden" name="intent" value="reschedule" />
        <input type="hidden" name="version" value={String(props.defaults.version)} />
        <p className="small muted">
          Each panelist gets an updated calendar invitation; anyone taken off the panel gets a cancellation.
        </p>
        <div className="fields">
          <Field label="Starts" hint={`Your time (${props.zoneLabel})`} error={errorFor("startsAt")}>
            {(aria) => (
              <input
                type="datetime-local"
                defaultValue={typed("startsAt", props.defaults.startsAtLocal)}
                {...aria}
                {...register("startsAt")}
              />
            )}
          </Field>
          <Field label="Length in minutes" error={errorFor("durationMinutes")}>
            {(aria) => (
              <input
                type="number"
                min={15}
                max={480}
                step={15}
                defaultValue={typed("durationMinutes", String(props.defaults.durationMinutes))}
                {...aria}
                {...register("durationMinutes")}
              />
            )}
          </Field>
        </div>
        <fieldset>
          <legend>Panel</legend>
          <div className="checks">
            {props.team.map((t) => (
              <label key={t.userId}>
                <input
                  type="checkbox"
                  value={String(t.userId)}
                  defaultChecked={ticked("panelIds", String(t.userId), props.defaults.panelIds.includes(t.userId))}
                  {...group("panelIds")}
                />{" "}
                {t.name}{" "}
                <span className="muted small">
                  {t.teamRole === "hiring_manager" ? "hiring manager" : "interviewer"}
                </span>
              </label>
            ))}
          </div>
          <GroupError error={errorFor("panelIds")} />
        </fieldset>
        <div>
          <label>
            <input
              type="checkbox"
              value="on"
              defaultChecked={ticked("confirmPast", "on", false)}
              {...group("confirmPast")}
            />{" "}
            {CONFIRM_PAST_LABEL}
          </label>
        </div>
        <div>
          <button type="submit" className="btn btn-primary" disabled={navigation.state === "submitting"}>
            Reschedule and notify the panel
          </button>
        </div>
      </Form>
    </details>
  );
}

export function CancelForm(props: { zone: string; version: number }) {
  const { form, formError, refused } = useChangeForm("cancel", props.zone);
  const navigation = useNavigation();
  return (
    <details className="card" open={refused}>
      <summary>
        <h2 className="inline-heading">Cancel the interview</h2>
      </summary>
      <Form method="post" ref={form.formRef} onSubmit={form.onSubmit} noValidate className="stack" aria-label="Cancel">
        <FormError error={formError} summary={form.summary} />
        <input type="hidden" name="intent" value="cancel" />
        <input type="hidden" name="version" value={String(props.version)} />
        <p className="small muted">
          Every panelist gets a calendar cancellation. The interview stays on record and needs no scorecards.
        </p>
        <Field label="Reason (optional, sent to the panel)" error={form.errorFor("reason")}>
          {(aria) => (
            <input type="text" defaultValue={form.typed("reason", "")} {...aria} {...form.register("reason")} />
          )}
        </Field>
        <div>
          <button type="submit" className="btn btn-danger" disabled={navigation.state === "submitting"}>
            Cancel the interview
          </button>
        </div>
      </Form>
    </details>
  );
}
