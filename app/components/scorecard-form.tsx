import { Form, useNavigation } from "@remix-run/react";
import { Field, FormError, GroupError, useValidatedForm, type ValidatedForm } from "~/components/form";
import { AutosaveStatusLine, OlderCopyNotice, useAutosavedForm } from "~/components/autosave";
import { LeavePrompt } from "~/components/leave-guard";
import {
  ratingLabels,
  ratingValues,
  recommendationLabels,
  recommendations,
  type TemplateArea,
} from "~/domain/scorecard";
import { scorecardArrayFields, scorecardSchema } from "~/schemas/interview";
import type { FieldErrors, Submitted } from "~/utils/forms";

export type ScorecardDefaults = {
  ratings: Record<string, { rating: number | null; evidence: string | null; assessed: boolean }>;
  weakSignals: string[];
  keyTakeaways: string | null;
  recommendation: string;
};

/** The one-screen scorecard: every focus area with its guidance, then takeaways and a recommendation. */
export function ScorecardForm(props: {
  areas: TemplateArea[];
  defaults: ScorecardDefaults | null;
  version: number | null;
  mode: "fill" | "amend";
  serverErrors?: FieldErrors | null;
  submitted?: Submitted | null;
  formError?: string | null;
  /** Where drafts are saved while typing (fill mode), and the key of this device's copy. */
  autosave?: { url: string; storageKey: string; signInHref: string };
}) {
  const navigation = useNavigation();
  const keys = props.areas.map((a) => a.key);
  const form = useValidatedForm(scorecardSchema(keys), {
    arrayFields: scorecardArrayFields,
    serverErrors: props.serverErrors,
    submitted: props.submitted,
  });
  const { formRef, onSubmit, typed, summary } = form;
  const { guard, autosave, version, formProps } = useAutosavedForm({
    formRef,
    draft: props.autosave ?? null,
    version: props.version,
    enabled: props.mode === "fill",
    typed,
    onSubmit,
  });
  const d = props.defaults;
  return (
    <Form
      method="post"
      ref={formRef}
      {...formProps}
      className="stack scorecard"
      noValidate
      aria-label={props.mode === "amend" ? "Amend scorecard" : "Scorecard"}
    >
      <LeavePrompt
        blocker={guard.blocker}
        what={props.mode === "amend" ? "amendment" : "scorecard"}
        onLeave={autosave.discard}
      />
      {autosave.olderCopy ? (
        <OlderCopyNotice
          at={autosave.olderCopy.at}
          onRestore={autosave.restoreOlderCopy}
          onDiscard={autosave.discardOlderCopy}
        />
      ) : null}
      {autosave.version !== null ? <input type="hidden" name="version" value={version} /> : null}
      <FormError error={props.formError} summary={summary} />
      {props.areas.map((area) => (
        <AreaFieldset key={area.key} area={area} mode={props.mode} form={form} defaults={d} />
      ))}
      <OverallFieldset form={form} defaults={d} mode={props.mode} />
      <div className="actions">
        {props.autosave && props.mode === "fill" ? (
          <AutosaveStatusLine status={autosave.status} signInHref={props.autosave.signInHref} />
        ) : null}
        {props.mode === "fill" ? (
          <>
            <button
              type="submit"
              name="intent"
              value="draft"
              className="btn"
              disabled={navigation.state === "submitting"}
            >
              Save draft
            </button>
            <button
              type="submit"
              name="intent"
              value="submit"
              className="btn btn-primary"
              disabled={navigation.state === "submitting"}
            >
              Submit scorecard
            </button>
          </>
        ) : (
          <button
            type="submit"
            name="intent"
            value="amend"
            className="btn btn-primary"
            disabled={navigation.state === "submitting"}
          >
            Submit amendment
          </button>
        )}
      </div>
    </Form>
  );
}

/** One focus area: its guidance, the rating, weak signals spotted and the evidence. */
function AreaFieldset({
  area,
  mode,
  form,
  defaults: d,
}: {
  area: TemplateArea;
  mode: "fill" | "amend";
  form: ValidatedForm;
  defaults: ScorecardDefaults | null;
}) {
  const { register, group, errorFor, errorIdFor, groupAria, typed, ticked } = form;
  const ratingDefault = (key: string) => {
    const r = d?.ratings[key];
    if (!r) return "";
    return r.rating !== null ? String(r.rating) : r.assessed ? "na" : "";
  };
  return (
    <fieldset className="area" aria-describedby={`guide-${area.key}-${mode}`}>
      <legend>
        {area.name} {area.knockout ? <span className="badge badge-on_hold">must pass</span> : null}{" "}
        <span className="muted small">weight {area.weight}</span>
      </legend>
      <div className="guidance small" id={`guide-${area.key}-${mode}`}>
        <p>
          <strong>Strong evidence:</strong> {area.strong}
        </p>
        <p>
          <strong>Weak signal:</strong> {area.weak}
        </p>
      </div>
      <div
        className="rating-row"
        role="radiogroup"
        aria-label={`${area.name} rating`}
        {...groupAria(`rating_${area.key}`)}
      >
        {ratingValues.map((r) => (
          <label key={r} className={`rating rating-${r}`}>
            <input
              type="radio"
              value={String(r)}
              defaultChecked={ticked(`rating_${area.key}`, String(r), ratingDefault(area.key) === String(r))}
              {...group(`rating_${area.key}`)}
            />{" "}
            {ratingLabels[r]}
          </label>
        ))}
        <label className="rating rating-na">
          <input
            type="radio"
            value="na"
            defaultChecked={ticked(`rating_${area.key}`, "na", ratingDefault(area.key) === "na")}
            {...group(`rating_${area.key}`)}
          />{" "}
          Not assessed
        </label>
      </div>
      <GroupError error={errorFor(`rating_${area.key}`)} id={errorIdFor(`rating_${area.key}`)} />
      {area.signals.length ? (
        <div className="checks small" role="group" aria-label={`${area.name} weak signals spotted`}>
          <span className="muted">Weak signals spotted:</span>
          {area.signals.map((s) => (
            <label key={s}>
              <input
                type="checkbox"
                value={`${area.key}:${s}`}
                defaultChecked={ticked(
                  "weakSignals",
                  `${area.key}:${s}`,
                  d?.weakSignals.includes(`${area.key}:${s}`) ?? false,
                )}
                {...group("weakSignals")}
              />{" "}
              {s}
            </label>
          ))}
        </div>
      ) : null}
      <Field
        label={`${area.name} evidence`}
        hint="What they said or did that supports the rating"
        error={errorFor(`evidence_${area.key}`)}
        wide
      >
        {(aria) => (
          <textarea
            rows={2}
            defaultValue={typed(`evidence_${area.key}`, d?.ratings[area.key]?.evidence ?? "")}
            {...aria}
            {...register(`evidence_${area.key}`)}
          />
        )}
      </Field>
    </fieldset>
  );
}

/** Key takeaways and the recommendation; an amendment says why. */
function OverallFieldset({
  form,
  defaults: d,
  mode,
}: {
  form: ValidatedForm;
  defaults: ScorecardDefaults | null;
  mode: "fill" | "amend";
}) {
  const { register, group, errorFor, errorIdFor, groupAria, typed, ticked } = form;
  return (
    <fieldset>
      <legend>Overall</legend>
      <Field label="Key takeaways" error={errorFor("keyTakeaways")} wide>
        {(aria) => (
          <textarea
            rows={3}
            defaultValue={typed("keyTakeaways", d?.keyTakeaways ?? "")}
            {...aria}
            {...register("keyTakeaways")}
          />
        )}
      </Field>
      <div className="rating-row" role="radiogroup" aria-label="Recommendation" {...groupAria("recommendation")}>
        <span className="label">Recommendation</span>
        {recommendations.map((r) => (
          <label key={r} className="rating">
            <input
              type="radio"
              value={r}
              defaultChecked={ticked("recommendation", r, d?.recommendation === r)}
              {...group("recommendation")}
            />{" "}
            {recommendationLabels[r]}
          </label>
        ))}
      </div>
      <GroupError error={errorFor("recommendation")} id={errorIdFor("recommendation")} />
      {mode === "amend" ? (
        <Field
          label="Why are you amending?"
          hint="Kept with the scorecard's history; the original stays visible"
          error={errorFor("amendReason")}
          wide
        >
          {(aria) => (
            <textarea rows={2} defaultValue={typed("amendReason", "")} {...aria} {...register("amendReason")} />
          )}
        </Field>
      ) : null}
    </fieldset>
  );
}
