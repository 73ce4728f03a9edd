import { Form, useNavigation } from "@remix-run/react";
import { useState } from "react";
import {
  Field,
  FormError,
  GroupError,
  labelled,
  SelectField,
  useValidatedForm,
  type ValidatedForm,
} from "~/components/form";
import { briefFields, sentenceBlanks } from "~/domain/brief";
import { ALWAYS_REQUIRED, checkTypeLabels, checkTypes, SENSITIVE_DATA_REQUIRED } from "~/domain/compliance";
import { adviseEngagement, routingQuestions, scopeQuestions } from "~/domain/engagement";
import {
  budgetKindLabels,
  budgetKinds,
  currencies,
  engagementModelLabels,
  engagementModels,
  HIRING_MANAGER_KINDS,
  roleStatuses,
  roleStatusLabels,
  userKindLabels,
  type UserKind,
} from "~/domain/reference";
import { roleArrayFields, roleFormSchema, routingFromForm } from "~/schemas/role";
import { formDataToValues, type FieldErrors, type Submitted } from "~/utils/forms";
import { AdviceDetails } from "./advice";

/** Form values as strings, the way the form shows and posts them. */
export type RoleFormDefaults = Record<string, string | string[]>;

export type TeamCandidate = { id: number; name: string; kind: UserKind };

/** Where the fields start: what was sent if the server refused it, else the defaults. */
type RoleValues = { text: (name: string) => string; list: (name: string) => string[] };

export function RoleForm(props: {
  defaults: RoleFormDefaults;
  teamCandidates: TeamCandidate[];
  serverErrors?: FieldErrors | null;
  /** What was sent when the server refused the form; it replaces the defaults so nothing typed is lost. */
  submitted?: Submitted | null;
  formError?: string | null;
  submitLabel: string;
  version?: number;
  /** Today (YYYY-MM-DD) as the server saw it, so the advice rendered first and the one in the browser agree. */
  today: string;
}) {
  const navigation = useNavigation();
  const form = useValidatedForm(roleFormSchema, {
    arrayFields: roleArrayFields,
    serverErrors: props.serverErrors,
  });
  const d = props.submitted ?? props.defaults;
  const text = (name: string) => (typeof d[name] === "string" ? (d[name] as string) : "");
  const list = (name: string) => (Array.isArray(d[name]) ? (d[name] as string[]) : []);
  // Current team members stay visible even if their account kind changed, so saving never drops them silently.
  const onTeam = new Set([
    ...list("hiringManagerIds"),
    ...(Array.isArray(props.defaults.hiringManagerIds) ? props.defaults.hiringManagerIds : []),
  ]);
  const managers = props.teamCandidates.filter(
    (u) => HIRING_MANAGER_KINDS.includes(u.kind) || onTeam.has(String(u.id)),
  );
  const interviewers = props.teamCandidates;
  const values = { text, list };
  const { formRef, onSubmit, summary } = form;
  // The advice follows the form as it is filled in: the same rule the role page runs on the server.
  const [routing, setRouting] = useState(() => routingFromForm(d));
  const onChange = () => {
    if (formRef.current) setRouting(routingFromForm(formDataToValues(new FormData(formRef.current), roleArrayFields)));
  };
  const advice = adviseEngagement({ ...routing, today: new Date(`${props.today}T12:00:00Z`) });

  return (
    <Form
      method="post"
      ref={formRef}
      onSubmit={onSubmit}
      onChange={onChange}
      className="stack"
      noValidate
      aria-label="Role"
    >
      {props.version ? (
        <input
          type="hidden"
          name="version"
          value={typeof props.submitted?.version === "string" ? props.submitted.version : props.version}
        />
      ) : null}
      <FormError error={props.formError} summary={summary} />

      <BasicsFieldset form={form} values={values} />
      <ModelsAndBudgetFieldsets form={form} values={values} />
      <HiringTeamFieldset form={form} values={values} managers={managers} interviewers={interviewers} />
      <BriefFieldset form={form} values={values} />
      <RoutingFieldset form={form} values={values} />
      <section className="card live-advice" aria-labelledby="live-advice-heading" aria-live="polite">
        <h2 id="live-advice-heading">Suggested engagement</h2>
        {advice.status === "unanswered" ? (
          <p className="muted">Answer the routing questions above, or set a launch date, to get a suggestion.</p>
        ) : (
          <AdviceDetails advice={advice} />
        )}
      </section>
      <ComplianceFieldset form={form} values={values} />
      <div className="actions">
        <button type="submit" className="btn btn-primary" disabled={navigation.state === "submitting"}>
          {navigation.state === "submitting" ? "Saving…" : props.submitLabel}
        </button>
      </div>
    </Form>
  );
}

/** String defaults for the form from a stored role and its team. */
export function roleToDefaults(
  role: Record<string, unknown> & { engagementModels: string[] },
  team: { userId: number; teamRole: string }[],
): RoleFormDefaults {
  const out: RoleFormDefaults = {};
  for (const [key, value] of Object.entries(role)) {
    const isQuestion = key.startsWith("q") && key.length > 1 && key[1] === key[1].toUpperCase();
    if (isQuestion && (typeof value === "boolean" || value === null)) {
      out[key] = value === true ? "yes" : value === false ? "no" : "";
    } else if (Array.isArray(value)) out[key] = value.map(String);
    else out[key] = value === null || value === undefined ? "" : String(value);
  }
  out.hiringManagerIds = team.filter((t) => t.teamRole === "hiring_manager").map((t) => String(t.userId));
  out.interviewerIds = team.filter((t) => t.teamRole === "interviewer").map((t) => String(t.userId));
  return out;
}

/** What the role is: title, team, place, headcount, status and start. */
function BasicsFieldset({ form, values }: { form: ValidatedForm; values: RoleValues }) {
  const { register, errorFor } = form;
  const { text } = values;
  return (
    <fieldset>
      <legend>Basics</legend>
      <div className="fields">
        <Field label="Title" error={errorFor("title")} wide>
          {(aria) => (
            <input
              type="text"
              defaultValue={text("title")}
              placeholder="e.g. Senior AI Engineer, Support Copilot"
              {...aria}
              {...register("title")}
            />
          )}
        </Field>
        <Field label="Team" error={errorFor("team")}>
          {(aria) => <input type="text" defaultValue={text("team")} {...aria} {...register("team")} />}
        </Field>
        <Field label="Location" error={errorFor("location")} hint="City, hybrid or remote and time zones.">
          {(aria) => <input type="text" defaultValue={text("location")} {...aria} {...register("location")} />}
        </Field>
        <Field label="Headcount" error={errorFor("headcount")}>
          {(aria) => (
            <input
              type="number"
              min={1}
              max={100}
              defaultValue={text("headcount")}
              {...aria}
              {...register("headcount")}
            />
          )}
        </Field>
        <SelectField
          label="Status"
          name="status"
          options={labelled(roleStatuses, roleStatusLabels)}
          defaultValue={text("status")}
          register={register}
          error={errorFor("status")}
        />
        <Field label="Target start" error={errorFor("targetStart")}>
          {(aria) => <input type="date" defaultValue={text("targetStart")} {...aria} {...register("targetStart")} />}
        </Field>
      </div>
    </fieldset>
  );
}

/** Which engagement models are considered, and the budget. */
function ModelsAndBudgetFieldsets({ form, values }: { form: ValidatedForm; values: RoleValues }) {
  const { register, group, errorFor } = form;
  const { text, list } = values;
  return (
    <>
      <fieldset aria-describedby="models-hint">
        <legend>Engagement models considered</legend>
        <p className="fieldset-intro" id="models-hint">
          Who could do this work? Tick every model you would consider; the routing questions below suggest one.
        </p>
        <div className="checks">
          {engagementModels.map((m) => (
            <label key={m}>
              <input
                type="checkbox"
                value={m}
                defaultChecked={list("engagementModels").includes(m)}
                {...group("engagementModels")}
              />
              {engagementModelLabels[m]}
            </label>
          ))}
        </div>
        <GroupError error={errorFor("engagementModels")} />
      </fieldset>

      <fieldset>
        <legend>Budget</legend>
        <div className="fields">
          <SelectField
            label="Budget type"
            name="budgetKind"
            options={labelled(budgetKinds, budgetKindLabels)}
            defaultValue={text("budgetKind")}
            register={register}
            error={errorFor("budgetKind")}
            blank="Not set"
          />
          <Field label="Minimum" hint="Whole units: per year, per hour, or in total." error={errorFor("budgetMin")}>
            {(aria) => (
              <input
                type="text"
                inputMode="numeric"
                defaultValue={text("budgetMin")}
                {...aria}
                {...register("budgetMin")}
              />
            )}
          </Field>
          <Field label="Maximum" error={errorFor("budgetMax")}>
            {(aria) => (
              <input
                type="text"
                inputMode="numeric"
                defaultValue={text("budgetMax")}
                {...aria}
                {...register("budgetMax")}
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

/** Who is on the role: its hiring managers and its interviewers. */
function HiringTeamFieldset({
  form,
  values,
  managers,
  interviewers,
}: {
  form: ValidatedForm;
  values: RoleValues;
  managers: TeamCandidate[];
  interviewers: TeamCandidate[];
}) {
  const { group, errorFor } = form;
  const { list } = values;
  return (
    <fieldset>
      <legend>Hiring team</legend>
      <p className="fieldset-intro">
        Hiring managers can edit the role; interviewers can see it and will score candidates.
      </p>
      <div className="grid grid-2">
        <fieldset className="subgroup" aria-describedby={errorFor("hiringManagerIds") ? "hm-error" : undefined}>
          <legend>Hiring managers</legend>
          <ul className="plain">
            {managers.map((u) => (
              <li key={u.id}>
                <label>
                  <input
                    type="checkbox"
                    value={String(u.id)}
                    defaultChecked={list("hiringManagerIds").includes(String(u.id))}
                    {...group("hiringManagerIds")}
                  />{" "}
                  {u.name} <span className="muted small">{userKindLabels[u.kind]}</span>
                </label>
              </li>
            ))}
          </ul>
          <GroupError error={errorFor("hiringManagerIds")} id="hm-error" />
        </fieldset>
        <fieldset className="subgroup" aria-describedby={errorFor("interviewerIds") ? "iv-error" : undefined}>
          <legend>Interviewers</legend>
          <ul className="plain">
            {interviewers.map((u) => (
              <li key={u.id}>
                <label>
                  <input
                    type="checkbox"
                    value={String(u.id)}
                    defaultChecked={list("interviewerIds").includes(String(u.id))}
                    {...group("interviewerIds")}
                  />{" "}
                  {u.name} <span className="muted small">{userKindLabels[u.kind]}</span>
                </label>
              </li>
            ))}
          </ul>
          <GroupError error={errorFor("interviewerIds")} id="iv-error" />
        </fieldset>
      </div>
    </fieldset>
  );
}

/** The one-sentence brief and the questions behind it. */
function BriefFieldset({ form, values }: { form: ValidatedForm; values: RoleValues }) {
  const { register, errorFor } = form;
  const { text } = values;
  return (
    <fieldset>
      <legend>The brief</legend>
      <p className="fieldset-intro">
        A role is ready to staff when this sentence can be completed. If it cannot, you need discovery or a pilot, not a
        hire.
      </p>
      <p className="sentence">
        {sentenceBlanks.map(({ field, label, before, after }) => (
          <span key={field}>
            {before}{" "}
            <input
              type="text"
              aria-label={label}
              placeholder={label.toLowerCase()}
              defaultValue={text(field)}
              aria-invalid={Boolean(errorFor(field))}
              {...register(field)}
            />{" "}
            {after}{" "}
          </span>
        ))}
      </p>
      {sentenceBlanks.map(({ field }) => (
        <GroupError key={field} error={errorFor(field)} />
      ))}
      <div className="fields">
        {briefFields.map(({ field, label, hint }) => (
          <Field key={field} label={label} hint={hint} error={errorFor(field)}>
            {(aria) =>
              field === "briefLaunchDate" ? (
                <input type="date" defaultValue={text(field)} {...aria} {...register(field)} />
              ) : (
                <textarea rows={3} defaultValue={text(field)} {...aria} {...register(field)} />
              )
            }
          </Field>
        ))}
      </div>
    </fieldset>
  );
}

const yesNoNotSure = [
  ["yes", "Yes"],
  ["no", "No"],
  ["", "Not sure"],
] as const;

/** The routing questions that, with the launch date, suggest an engagement model. */
function RoutingFieldset({ form, values }: { form: ValidatedForm; values: RoleValues }) {
  const { group, register, errorFor } = form;
  const { text } = values;
  return (
    <fieldset>
      <legend>Routing questions</legend>
      <p className="fieldset-intro">
        Your answers, with the launch date, suggest which engagement model fits. Leave “Not sure” if you do not know
        yet.
      </p>
      {routingQuestions.map(({ field, question }) => (
        <fieldset key={field} className="question">
          <legend>{question}</legend>
          <div className="radio-row">
            {yesNoNotSure.map(([value, label]) => (
              <label key={value}>
                <input type="radio" value={value} defaultChecked={text(field) === value} {...group(field)} /> {label}
              </label>
            ))}
          </div>
        </fieldset>
      ))}
      <fieldset className="question">
        <legend>{scopeQuestions.qInternalOwner}</legend>
        <div className="radio-row">
          {yesNoNotSure.map(([value, label]) => (
            <label key={value}>
              <input
                type="radio"
                value={value}
                defaultChecked={text("qInternalOwner") === value}
                {...group("qInternalOwner")}
              />{" "}
              {label}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="fields">
        <Field
          label={scopeQuestions.qExpectedWeeks}
          hint="Weeks of work, not the wait until launch. Leave blank if you do not know yet."
          error={errorFor("qExpectedWeeks")}
          wide
        >
          {(aria) => (
            <input
              type="text"
              inputMode="numeric"
              className="narrow"
              defaultValue={text("qExpectedWeeks")}
              {...aria}
              {...register("qExpectedWeeks")}
            />
          )}
        </Field>
      </div>
    </fieldset>
  );
}

/** The checks an offer waits for; sensitive data ticks the ones it brings. */
function ComplianceFieldset({ form, values }: { form: ValidatedForm; values: RoleValues }) {
  const { group } = form;
  const { text, list } = values;
  return (
    <fieldset>
      <legend>Compliance before an offer</legend>
      <p className="fieldset-intro">
        No offer goes out while a required check is open. NDA, IP assignment and worker classification are always
        required.
      </p>
      <div className="checks">
        <label>
          <input
            type="checkbox"
            value="on"
            defaultChecked={text("touchesSensitiveData") === "true" || text("touchesSensitiveData") === "on"}
            {...group("touchesSensitiveData")}
            onChange={(e) => {
              // Sensitive data brings a background check and data-access clearance with it.
              if (e.currentTarget.checked) {
                for (const type of SENSITIVE_DATA_REQUIRED) {
                  const box = e.currentTarget.form?.querySelector<HTMLInputElement>(
                    `input[name="requiredChecks"][value="${type}"]`,
                  );
                  if (box) box.checked = true;
                }
              }
            }}
          />
          This role touches sensitive data (customer PII, health, financial or privileged documents)
        </label>
      </div>
      <p className="small muted" id="required-checks">
        Required checks
      </p>
      <div className="checks" role="group" aria-labelledby="required-checks">
        {checkTypes.map((type) =>
          ALWAYS_REQUIRED.includes(type) ? (
            <label key={type}>
              <input type="checkbox" checked disabled aria-describedby="always-required" /> {checkTypeLabels[type]}
            </label>
          ) : (
            <label key={type}>
              <input
                type="checkbox"
                value={type}
                defaultChecked={list("requiredChecks").includes(type)}
                {...group("requiredChecks")}
              />{" "}
              {checkTypeLabels[type]}
            </label>
          ),
        )}
      </div>
      <p className="hint" id="always-required">
        Greyed checks are required for every role.
      </p>
    </fieldset>
  );
}
