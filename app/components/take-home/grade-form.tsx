import { Form, useNavigation } from "@remix-run/react";
import { AutosaveStatusLine, OlderCopyNotice, type useAutosavedForm } from "~/components/autosave";
import { Field, FormError, GroupError, type useValidatedForm } from "~/components/form";
import { LeavePrompt } from "~/components/leave-guard";
import { deliverables, EXPECTED_OUTCOMES } from "~/domain/take-home";
import type { GradeData } from "./types";

type ValidatedForm = ReturnType<typeof useValidatedForm>;
type AutosavedForm = ReturnType<typeof useAutosavedForm>;
/** A field's starting value: the saved grade's, or what was sent if the server refused it. */
type StartingValue = (key: string) => string;

const constraintLabels = {
  costCeilingRespected: "Cost ceiling respected",
  securityRespected: "Security constraint respected",
} as const;

/** Fields start from the saved grade, or from what was sent if the server refused it; yes/no answers as "yes"/"no". */
export function startingValues(mine: GradeData["mine"], typed: ValidatedForm["typed"]) {
  const saved = mine as Record<string, unknown> | null;
  const val: StartingValue = (k) => typed(k, saved ? String(saved[k] ?? "") : "");
  const boolVal: StartingValue = (k) =>
    typed(k, saved ? (saved[k] === true ? "yes" : saved[k] === false ? "no" : "") : "");
  return { val, boolVal };
}

/** The grader's form: the six deliverables, outcomes and constraints, saved as a draft as they type. */
export function GradeForm(props: {
  form: ValidatedForm;
  autosaved: AutosavedForm;
  mine: GradeData["mine"];
  formError?: string | null;
  signInHref: string;
}) {
  const { form, autosaved, mine } = props;
  const { guard, autosave, version, formProps } = autosaved;
  const navigation = useNavigation();
  const { val, boolVal } = startingValues(mine, form.typed);
  return (
    <Form method="post" ref={form.formRef} {...formProps} className="stack" noValidate aria-label="Grade">
      <LeavePrompt blocker={guard.blocker} what="grade" onLeave={autosave.discard} />
      {autosave.olderCopy ? (
        <OlderCopyNotice
          at={autosave.olderCopy.at}
          onRestore={autosave.restoreOlderCopy}
          onDiscard={autosave.discardOlderCopy}
        />
      ) : null}
      {autosave.version !== null ? <input type="hidden" name="version" value={version} /> : null}
      <FormError error={props.formError} summary={form.summary} />
      <DeliverableRatings form={form} val={val} />
      <OutcomesAndConstraints form={form} val={val} boolVal={boolVal} />
      <div className="actions">
        <AutosaveStatusLine status={autosave.status} signInHref={props.signInHref} />
        <button type="submit" name="intent" value="draft" className="btn" disabled={navigation.state === "submitting"}>
          Save draft
        </button>
        <button
          type="submit"
          name="intent"
          value="submit"
          className="btn btn-primary"
          disabled={navigation.state === "submitting"}
        >
          Submit grade
        </button>
      </div>
    </Form>
  );
}

function DeliverableRatings({ form, val }: { form: ValidatedForm; val: StartingValue }) {
  const { group, groupAria, errorFor, errorIdFor } = form;
  return (
    <fieldset>
      <legend>Deliverables (1 weak to 4 strong)</legend>
      {deliverables.map((d) => (
        <div key={d.key} className="rating-row" role="radiogroup" aria-label={d.label} {...groupAria(d.key)}>
          <span className="label">{d.label}</span>
          {[1, 2, 3, 4].map((n) => (
            <label key={n} className="rating">
              <input type="radio" value={String(n)} defaultChecked={val(d.key) === String(n)} {...group(d.key)} /> {n}
            </label>
          ))}
          <GroupError error={errorFor(d.key)} id={errorIdFor(d.key)} />
        </div>
      ))}
    </fieldset>
  );
}

function OutcomesAndConstraints(props: { form: ValidatedForm; val: StartingValue; boolVal: StartingValue }) {
  const { form, val, boolVal } = props;
  const { register, group, groupAria, errorFor, errorIdFor } = form;
  return (
    <fieldset>
      <legend>Outcomes and constraints</legend>
      <div className="fields">
        <Field label={`Expected outcomes reached (of ${EXPECTED_OUTCOMES})`} error={errorFor("outcomesReached")}>
          {(aria) => (
            <input
              type="number"
              min={0}
              max={EXPECTED_OUTCOMES}
              defaultValue={val("outcomesReached")}
              {...aria}
              {...register("outcomesReached")}
            />
          )}
        </Field>
        <Field label="Hours the candidate reported" error={errorFor("hoursReported")}>
          {(aria) => (
            <input type="number" min={0} defaultValue={val("hoursReported")} {...aria} {...register("hoursReported")} />
          )}
        </Field>
      </div>
      {(["costCeilingRespected", "securityRespected"] as const).map((k) => (
        <div key={k} className="rating-row" role="radiogroup" aria-label={constraintLabels[k]} {...groupAria(k)}>
          <span className="label">{constraintLabels[k]}</span>
          {["yes", "no"].map((x) => (
            <label key={x} className="rating">
              <input type="radio" value={x} defaultChecked={boolVal(k) === x} {...group(k)} />{" "}
              {x === "yes" ? "Yes" : "No"}
            </label>
          ))}
          <GroupError error={errorFor(k)} id={errorIdFor(k)} />
        </div>
      ))}
      <Field label="Notes" error={errorFor("notes")} wide>
        {(aria) => <textarea rows={3} defaultValue={val("notes")} {...aria} {...register("notes")} />}
      </Field>
    </fieldset>
  );
}
