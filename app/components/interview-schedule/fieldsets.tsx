import { Field, GroupError, labelled, SelectField, type useValidatedForm } from "~/components/form";
import { useState } from "react";
import {
  CONFIRM_PAST_LABEL,
  governanceQuestions,
  interviewKindLabels,
  interviewKinds,
  kitPrompts,
  PAST_START_MESSAGE,
} from "~/schemas/interview";

type ValidatedForm = ReturnType<typeof useValidatedForm>;

/** The browser's offset from UTC in minutes: the server reads "Starts" at it only when the scheduler has no zone. */
export function TimezoneOffsetInput() {
  return (
    <input
      type="hidden"
      name="tzOffset"
      value={0}
      ref={(el) => {
        if (el) el.value = String(-new Date().getTimezoneOffset());
      }}
    />
  );
}

/**
 * The start of an interview as a wall-clock time in the writer's zone, and the
 * confirmation a past start needs: the checkbox appears once a start in the past
 * has been refused, and stays while the form is open.
 */
export function InterviewStartField({ form, zoneLabel }: { form: ValidatedForm; zoneLabel: string | null }) {
  const { register, errorFor, typed, ticked, group } = form;
  const refusedAsPast = errorFor("startsAt") === PAST_START_MESSAGE;
  const [askedToConfirm, setAskedToConfirm] = useState(false);
  if (refusedAsPast && !askedToConfirm) setAskedToConfirm(true);
  const showConfirm = askedToConfirm || refusedAsPast || ticked("confirmPast", "on", false);
  return (
    <div className="start-field">
      <Field
        label="Starts"
        hint={
          zoneLabel
            ? `Times are in ${zoneLabel}`
            : "Times are in your browser's time zone (UTC without JavaScript); set your zone on your account page"
        }
        error={errorFor("startsAt")}
      >
        {(aria) => (
          <input type="datetime-local" defaultValue={typed("startsAt", "")} {...aria} {...register("startsAt")} />
        )}
      </Field>
      {showConfirm ? (
        <label className="confirm-past">
          <input
            type="checkbox"
            value="on"
            defaultChecked={ticked("confirmPast", "on", false)}
            {...group("confirmPast")}
            // Ticking it answers the start field's message, so that field is checked again too.
            onChange={() => {
              if (form.form.formState.submitCount > 0) void form.form.trigger(["startsAt", "confirmPast"]);
            }}
          />{" "}
          {CONFIRM_PAST_LABEL}
        </label>
      ) : null}
    </div>
  );
}

/** Kind, start and length; an agency's first interview is its vetting call. */
export function WhenAndWhat(props: { form: ValidatedForm; isAgency: boolean; zoneLabel: string | null }) {
  const { form, isAgency, zoneLabel } = props;
  const { register, errorFor, typed } = form;
  return (
    <fieldset>
      <legend>When and what</legend>
      <div className="fields">
        <SelectField
          label="Kind"
          name="kind"
          options={labelled(interviewKinds, interviewKindLabels)}
          defaultValue={typed("kind", isAgency ? "agency_vetting_call" : "technical_deep_dive")}
          register={register}
          error={errorFor("kind")}
        />
        <InterviewStartField form={form} zoneLabel={zoneLabel} />
        <Field label="Length in minutes" error={errorFor("durationMinutes")}>
          {(aria) => (
            <input
              type="number"
              min={15}
              max={480}
              step={15}
              defaultValue={typed("durationMinutes", "60")}
              {...aria}
              {...register("durationMinutes")}
            />
          )}
        </Field>
      </div>
    </fieldset>
  );
}

/** The interviewers, chosen from the role's active hiring team. */
export function PanelPicker(props: {
  form: ValidatedForm;
  team: { userId: number; name: string; teamRole: string }[];
}) {
  const { form, team } = props;
  return (
    <fieldset>
      <legend>Panel</legend>
      <div className="checks">
        {team.map((t) => (
          <label key={t.userId}>
            <input
              type="checkbox"
              value={String(t.userId)}
              defaultChecked={form.ticked("panelIds", String(t.userId), false)}
              {...form.group("panelIds")}
            />{" "}
            {t.name}{" "}
            <span className="muted small">{t.teamRole === "hiring_manager" ? "hiring manager" : "interviewer"}</span>
          </label>
        ))}
      </div>
      <GroupError error={form.errorFor("panelIds")} />
    </fieldset>
  );
}

/** Which areas of the role's scorecard template this interview rates; all of them unless unticked. */
export function FocusAreaPicker({ form, areas }: { form: ValidatedForm; areas: { key: string; name: string }[] }) {
  return (
    <fieldset>
      <legend>Focus areas</legend>
      <p className="fieldset-intro">The scorecard asks the panel to rate these areas of the role&rsquo;s template.</p>
      <div className="checks">
        {areas.map((a) => (
          <label key={a.key}>
            <input
              type="checkbox"
              value={a.key}
              defaultChecked={form.ticked("focusAreas", a.key, true)}
              {...form.group("focusAreas")}
            />{" "}
            {a.name}
          </label>
        ))}
      </div>
      <GroupError error={form.errorFor("focusAreas")} />
    </fieldset>
  );
}

/** The prompts, governance questions and custom questions the interview kit will carry. */
export function InterviewKitPicker({ form }: { form: ValidatedForm }) {
  const { register, group, errorFor, typed, ticked } = form;
  return (
    <fieldset>
      <legend>Interview kit</legend>
      <ul className="plain">
        {kitPrompts.map((p) => (
          <li key={p}>
            <label>
              <input type="checkbox" value={p} defaultChecked={ticked("prompts", p, true)} {...group("prompts")} /> {p}
            </label>
          </li>
        ))}
      </ul>
      <div className="checks">
        <label>
          <input
            type="checkbox"
            value="on"
            defaultChecked={ticked("includeGovernance", "on", true)}
            {...group("includeGovernance")}
          />{" "}
          Include the {governanceQuestions.length} governance questions (this person will touch production AI)
        </label>
      </div>
      <Field label="Custom questions" hint="One per line" error={errorFor("customQuestions")} wide>
        {(aria) => (
          <textarea rows={3} defaultValue={typed("customQuestions", "")} {...aria} {...register("customQuestions")} />
        )}
      </Field>
    </fieldset>
  );
}
