import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useMemo } from "react";
import { Field, FormError, useValidatedForm } from "~/components/form";
import { Notice, PageHeader } from "~/components/ui";
import { formatMoment } from "~/domain/dates";
import { groupTimeZones, listTimeZones } from "~/domain/time-zones";
import { userKindLabels, type UserKind } from "~/domain/reference";
import { getPasswordHash, getTimePreferences, setPassword, setTimePreferences } from "~/models/user.server";
import { digestHourChoices, digestHourLabel, timePreferencesSchema } from "~/schemas/account";
import { changePasswordSchema } from "~/schemas/auth";
import { NO_PASSWORD } from "~/models/sso.server";
import { authorizeUser } from "~/utils/authorize.server";
import { parseFormData } from "~/utils/forms";
import { invalid } from "~/utils/forms.server";
import { checkNewPassword, hashPassword, verifyPassword } from "~/utils/password.server";
import { getSsoConfig, passwordAllowedFor } from "~/utils/sso.server";

export const meta: MetaFunction = () => [{ title: "Your account · AI Talent Scorecards" }];

export async function loader(args: LoaderFunctionArgs) {
  const { user } = await authorizeUser(args, "routes/account", "loader");
  const preferences = getTimePreferences(user.id) ?? { timeZone: null, digestHour: null };
  return {
    user,
    preferences,
    zoneNow: preferences.timeZone ? formatMoment(new Date(), preferences.timeZone) : null,
    timeZones: listTimeZones(preferences.timeZone),
    // Someone who signs in only through the identity provider has no password here to change.
    ssoOnlyAccount: ssoOnlyAccount(user),
  };
}

function ssoOnlyAccount(user: { id: number; email: string; kind: UserKind }): string | null {
  const sso = getSsoConfig();
  if (!sso) return null;
  return getPasswordHash(user.id) === NO_PASSWORD || !passwordAllowedFor(user, sso) ? sso.name : null;
}

export async function action(args: ActionFunctionArgs) {
  const { user, sessionId } = await authorizeUser(args, "routes/account", "action");
  const formData = await args.request.formData();
  if (formData.get("intent") === "time-preferences") return saveTimePreferences(user.id, formData);
  return changePassword({ user, sessionId }, formData);
}

function saveTimePreferences(userId: number, formData: FormData) {
  const parsed = parseFormData(timePreferencesSchema, formData);
  if (!parsed.ok)
    return invalid(formData, {
      intent: "time-preferences" as const,
      ok: false as const,
      fieldErrors: parsed.fieldErrors,
      formError: parsed.formError,
    });
  setTimePreferences({ userId, timeZone: parsed.data.timeZone, digestHour: parsed.data.digestHour });
  return { intent: "time-preferences" as const, ok: true as const, fieldErrors: {}, formError: null };
}

async function changePassword(
  { user, sessionId }: { user: { id: number; email: string; name: string }; sessionId: string },
  formData: FormData,
) {
  const refuse = (fieldErrors: Record<string, string[]>, formError: string | null = null) =>
    data({ intent: "password" as const, ok: false as const, fieldErrors, formError }, { status: 400 });
  const parsed = parseFormData(changePasswordSchema, formData);
  if (!parsed.ok) return refuse(parsed.fieldErrors, parsed.formError);

  const { currentPassword, newPassword } = parsed.data;
  const stored = getPasswordHash(user.id);
  if (!stored || !(await verifyPassword(currentPassword, stored))) {
    return refuse({ currentPassword: ["That is not your current password"] });
  }
  const policy = checkNewPassword(newPassword, { email: user.email, name: user.name });
  if (!policy.ok) return refuse({ newPassword: [policy.message] });
  const passwordHash = await hashPassword(newPassword);
  // Every other session of this user ends; this one stays signed in.
  setPassword({ userId: user.id, passwordHash, keepSessionId: sessionId });
  return { intent: "password" as const, ok: true as const, fieldErrors: {}, formError: null };
}

export default function Account() {
  const { user, ssoOnlyAccount } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader title="Your account" subtitle={`${user.name} · ${user.email} · ${userKindLabels[user.kind]}`} />
      {ssoOnlyAccount ? (
        <div className="card">
          <h2>Password</h2>
          <p className="muted">You sign in with {ssoOnlyAccount}; there is no password here to change.</p>
        </div>
      ) : (
        <ChangePasswordForm />
      )}
      <TimePreferencesForm />
    </>
  );
}

/** The answer to this page's action, if it was for the form with that intent. */
function useAnswerFor(intent: "password" | "time-preferences") {
  const answer = useActionData<typeof action>();
  return answer && answer.intent === intent ? answer : undefined;
}

function TimePreferencesForm() {
  const { preferences, timeZones, zoneNow } = useLoaderData<typeof loader>();
  const groups = useMemo(() => groupTimeZones(timeZones), [timeZones]);
  const answer = useAnswerFor("time-preferences");
  const navigation = useNavigation();
  const submitted = answer && "values" in answer ? answer.values : undefined;
  const { formRef, register, onSubmit, errorFor, typed, summary } = useValidatedForm(timePreferencesSchema, {
    serverErrors: answer?.fieldErrors,
    submitted,
  });
  const zoneHint = preferences.timeZone
    ? `Every time in the app is shown in ${preferences.timeZone}. Now: ${zoneNow}.`
    : "Not set yet: times read UTC until you choose your zone.";
  return (
    <div className="card">
      <h2>Time zone and digest</h2>
      {answer?.ok ? <Notice>Time zone and digest saved.</Notice> : null}
      <FormError error={answer?.formError} summary={summary} />
      <Form
        method="post"
        ref={formRef}
        onSubmit={onSubmit}
        className="stack"
        noValidate
        aria-label="Time zone and digest"
      >
        <input type="hidden" name="intent" value="time-preferences" />
        <div className="fields">
          <Field label="Time zone" hint={zoneHint} error={errorFor("timeZone")}>
            {(aria) => (
              <select
                defaultValue={typed("timeZone", preferences.timeZone ?? "UTC")}
                {...aria}
                {...register("timeZone")}
              >
                {groups.map((group) =>
                  group.region === "Other" ? (
                    group.zones.map((z) => (
                      <option key={z.value} value={z.value}>
                        {z.label}
                      </option>
                    ))
                  ) : (
                    <optgroup key={group.region} label={group.region}>
                      {group.zones.map((z) => (
                        <option key={z.value} value={z.value}>
                          {z.label}
                        </option>
                      ))}
                    </optgroup>
                  ),
                )}
              </select>
            )}
          </Field>
          <Field
            label="Daily digest"
            hint="The hour, in your time zone, of a mail listing what waits for you."
            error={errorFor("digestHour")}
          >
            {(aria) => (
              <select
                defaultValue={typed(
                  "digestHour",
                  preferences.digestHour === null ? "off" : String(preferences.digestHour),
                )}
                {...aria}
                {...register("digestHour")}
              >
                {digestHourChoices.map((choice) => (
                  <option key={choice} value={choice}>
                    {digestHourLabel(choice)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <div>
          <button type="submit" className="btn btn-primary" disabled={navigation.state === "submitting"}>
            Save time zone and digest
          </button>
        </div>
      </Form>
    </div>
  );
}

function ChangePasswordForm() {
  const answer = useAnswerFor("password");
  const navigation = useNavigation();
  const { formRef, register, onSubmit, errorFor, summary } = useValidatedForm(changePasswordSchema, {
    serverErrors: answer?.fieldErrors,
  });
  return (
    <div className="card">
      <h2>Change password</h2>
      <p className="muted">Changing your password signs you out everywhere else.</p>
      {answer?.ok ? <Notice>Password changed. Your other sessions have been signed out.</Notice> : null}
      <FormError error={answer?.formError} summary={summary} />
      <Form method="post" ref={formRef} onSubmit={onSubmit} className="stack" noValidate>
        <div className="fields">
          <Field label="Current password" error={errorFor("currentPassword")}>
            {(aria) => (
              <input type="password" autoComplete="current-password" {...aria} {...register("currentPassword")} />
            )}
          </Field>
          <Field
            label="New password"
            hint="At least 12 characters; not a common password."
            error={errorFor("newPassword")}
          >
            {(aria) => <input type="password" autoComplete="new-password" {...aria} {...register("newPassword")} />}
          </Field>
          <Field label="New password again" error={errorFor("confirmPassword")}>
            {(aria) => <input type="password" autoComplete="new-password" {...aria} {...register("confirmPassword")} />}
          </Field>
        </div>
        <div>
          <button type="submit" className="btn btn-primary" disabled={navigation.state === "submitting"}>
            Change password
          </button>
        </div>
      </Form>
    </div>
  );
}
