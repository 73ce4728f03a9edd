// Record a decision on an application: the outcome, why (a rationale that
// cites the scorecard areas, and optionally the scorecards, it rests on), and,
// when it changes one already taken at this stage, the reason for the change.
// Posts to /applications/:id/decision, which shows this form again with its
// messages if the server refuses it (with or without JavaScript).
import { Form, useNavigation } from "@remix-run/react";
import { Field, FormError, GroupError, useValidatedForm, type ValidatedForm } from "~/components/form";
import {
  decisionOutcomeHints,
  decisionOutcomeLabels,
  decisionOutcomes,
  stageAfter,
  YES_BELOW,
} from "~/domain/decision";
import { stageLabels, type Stage } from "~/domain/pipeline";
import { rejectionReasonLabels, rejectionReasons } from "~/domain/reference";
import { recommendationLabels, type Recommendation } from "~/domain/scorecard";
import { decisionArrayFields, decisionSchema } from "~/schemas/decision";
import { interviewKindLabels } from "~/schemas/interview";
import type { FieldErrors, Submitted } from "~/utils/forms";
import { Moment } from "~/components/moment";

export type DecisionFormData = {
  applicationId: number;
  stage: Stage;
  version: number;
  current: {
    id: number;
    outcome: keyof typeof decisionOutcomeLabels;
    decidedAt: string | Date;
    decidedBy: string | null;
  } | null;
  evidence: {
    areas: { key: string; name: string; average: number | null; knockout: boolean }[];
    scorecards: {
      id: number;
      interviewerName: string;
      interviewKind: keyof typeof interviewKindLabels;
      recommendation: Recommendation;
    }[];
    weightedTotal: number | null;
    mustPassBelow: string[];
  };
};

type Refusal = { fieldErrors?: FieldErrors; formError?: string | null; values?: Submitted } | null | undefined;

export function DecisionForm({
  data,
  refusal,
  returnTo,
}: {
  data: DecisionFormData;
  refusal?: Refusal;
  returnTo?: string;
}) {
  const navigation = useNavigation();
  const form = useValidatedForm(decisionSchema, {
    arrayFields: decisionArrayFields,
    serverErrors: refusal?.fieldErrors,
    submitted: refusal?.values,
  });
  const { formRef, register, onSubmit, errorFor, typed, summary } = form;
  const next = stageAfter("advance", data.stage);
  const { evidence } = data;
  return (
    <Form
      method="post"
      action={`/applications/${data.applicationId}/decision`}
      ref={formRef}
      onSubmit={onSubmit}
      className="stack decision-form"
      noValidate
      aria-label="Record decision"
    >
      <input type="hidden" name="version" value={typed("version", String(data.version))} />
      <input
        type="hidden"
        name="currentDecisionId"
        value={typed("currentDecisionId", data.current ? String(data.current.id) : "")}
      />
      {returnTo ? <input type="hidden" name="returnTo" value={returnTo} /> : null}
      <FormError error={refusal?.formError} summary={summary} />
      {data.current ? (
        <p className="alert alert-warn">
          A decision is already recorded at {stageLabels[data.stage]}: {decisionOutcomeLabels[data.current.outcome]} by{" "}
          {data.current.decidedBy ?? "someone"}, <Moment at={data.current.decidedAt} />. Recording another changes it;
          both stay in the history.
        </p>
      ) : null}
      <p className="small muted">
        Weighted total: <strong>{evidence.weightedTotal ?? "none yet"}</strong> (advisory; a decision may go against it,
        and then says so: a yes under {YES_BELOW}, a no at 3 or above, or a hire with a must-pass area under the bar
        {evidence.mustPassBelow.length ? `, here ${evidence.mustPassBelow.join(", ")}` : ""}).
      </p>
      <OutcomeFieldset form={form} next={next} />
      <div className="fields">
        <Field label="Rejection reason" hint="Only when rejecting" error={errorFor("rejectionReason")}>
          {(aria) => (
            <select defaultValue={typed("rejectionReason", "")} {...aria} {...register("rejectionReason")}>
              <option value="">—</option>
              {rejectionReasons.map((r) => (
                <option key={r} value={r}>
                  {rejectionReasonLabels[r]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          label="Rationale"
          hint="Why, in terms of the evidence: which areas decided it and what the panel saw"
          error={errorFor("rationale")}
          wide
        >
          {(aria) => <textarea rows={4} defaultValue={typed("rationale", "")} {...aria} {...register("rationale")} />}
        </Field>
      </div>
      <CitedEvidence form={form} evidence={evidence} />
      {data.current ? (
        <Field
          label="Why is the decision changed?"
          hint="Required: kept with the history beside the decision it replaces"
          error={errorFor("changeReason")}
          wide
        >
          {(aria) => (
            <textarea rows={2} defaultValue={typed("changeReason", "")} {...aria} {...register("changeReason")} />
          )}
        </Field>
      ) : null}
      <div>
        <button type="submit" className="btn btn-primary" disabled={navigation.state === "submitting"}>
          {data.current ? "Change decision" : "Record decision"}
        </button>
      </div>
    </Form>
  );
}

/** The outcome, one of the decision's choices; advancing names the stage it leads to, if there is one. */
function OutcomeFieldset({ form, next }: { form: ValidatedForm; next: Stage | null }) {
  const { group, groupAria, errorFor, errorIdFor, ticked } = form;
  return (
    <fieldset {...groupAria("outcome")}>
      <legend>Decision</legend>
      <div className="decision-outcomes">
        {decisionOutcomes.map((o) => (
          <label key={o} className="decision-outcome">
            <input
              type="radio"
              value={o}
              defaultChecked={ticked("outcome", o, false)}
              disabled={o === "advance" && !next}
              {...group("outcome")}
            />
            <span>
              <strong>{decisionOutcomeLabels[o]}</strong>
              {o === "advance" && next ? ` to ${stageLabels[next]}` : ""}
              <span className="hint">{decisionOutcomeHints[o]}</span>
            </span>
          </label>
        ))}
      </div>
      <GroupError error={errorFor("outcome")} id={errorIdFor("outcome")} />
    </fieldset>
  );
}

/** The areas (and, optionally, the scorecards) the decision rests on. */
function CitedEvidence({ form, evidence }: { form: ValidatedForm; evidence: DecisionFormData["evidence"] }) {
  const { group, groupAria, errorFor, errorIdFor, ticked } = form;
  return (
    <>
      <fieldset {...groupAria("citedAreas")}>
        <legend>Areas it rests on</legend>
        <div className="checks">
          {evidence.areas.map((a) => (
            <label key={a.key}>
              <input
                type="checkbox"
                value={a.key}
                defaultChecked={ticked("citedAreas", a.key, false)}
                {...group("citedAreas")}
              />
              {a.name}
              <span className="muted small">
                {a.average === null ? "not assessed" : `avg ${a.average}`}
                {a.knockout ? " · must-pass" : ""}
              </span>
            </label>
          ))}
        </div>
        <GroupError error={errorFor("citedAreas")} id={errorIdFor("citedAreas")} />
      </fieldset>
      {evidence.scorecards.length ? (
        <fieldset {...groupAria("citedScorecards")}>
          <legend>Scorecards it rests on (optional)</legend>
          <div className="checks">
            {evidence.scorecards.map((c) => (
              <label key={c.id}>
                <input
                  type="checkbox"
                  value={String(c.id)}
                  defaultChecked={ticked("citedScorecards", String(c.id), false)}
                  {...group("citedScorecards")}
                />
                {c.interviewerName}
                <span className="muted small">
                  {interviewKindLabels[c.interviewKind]} · {recommendationLabels[c.recommendation]}
                </span>
              </label>
            ))}
          </div>
          <GroupError error={errorFor("citedScorecards")} id={errorIdFor("citedScorecards")} />
        </fieldset>
      ) : null}
    </>
  );
}
