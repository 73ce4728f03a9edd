import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { Field, FormError, useValidatedForm } from "~/components/form";
import { recordAudit } from "~/models/audit.server";
import { deleteExpiredSessions } from "~/models/session.server";
import { adoptBrowserTimeZone, getUserForSignIn, normalizeEmail } from "~/models/user.server";
import { signInSchema } from "~/schemas/auth";
import { authorize } from "~/utils/authorize.server";
import { getEnv } from "~/utils/env.server";
import { parseFormData } from "~/utils/forms";
import { invalid } from "~/utils/forms.server";
import { burnPasswordCheck, verifyPassword } from "~/utils/password.server";
import { safeRedirect, startSession } from "~/utils/session.server";
import { hitThrottle } from "~/utils/throttle.server";

export const meta: MetaFunction = () => [{ title: "Sign in · AI Talent Scorecards" }];

export async function loader(args: LoaderFunctionArgs) {
  const { user } = await authorize(args, "routes/login", "loader");
  if (user) throw redirect("/");
  return null;
}

export async function action(args: ActionFunctionArgs) {
  await authorize(args, "routes/login", "action");
  const { request, context } = args;
  const formData = await request.formData();
  const parsed = parseFormData(signInSchema, formData);
  if (!parsed.ok) return invalid(formData, { fieldErrors: parsed.fieldErrors, formError: parsed.formError });

  const { email, password, redirectTo, timeZone } = parsed.data;
  const throttle = hitThrottle(
    [`ip:${context.clientIp ?? "unknown"}`, `account:${normalizeEmail(email)}`],
    getEnv().LOGIN_ATTEMPTS_PER_MINUTE,
  );
  if (throttle.limited) {
    recordAudit({ actorId: null, action: "auth.sign_in_failed", detail: { reason: "throttled" } });
    return invalid(
      formData,
      {
        fieldErrors: {},
        formError: `Too many sign-in attempts. Wait ${throttle.retryAfterSeconds} seconds and try again.`,
      },
      { status: 429, headers: { "Retry-After": String(throttle.retryAfterSeconds) } },
    );
  }

  const account = getUserForSignIn(email);
  const valid = account
    ? await verifyPassword(password, account.passwordHash)
    : (await burnPasswordCheck(password), false);
  if (!account || !valid || !account.active) {
    // The account tried, when there is one; never the email typed (it may be anyone's).
    recordAudit({
      actorId: null,
      action: "auth.sign_in_failed",
      subject: account ? { type: "user", id: account.id } : undefined,
      detail: { reason: !account ? "unknown_account" : !valid ? "wrong_password" : "inactive" },
    });
    return invalid(formData, { fieldErrors: {}, formError: "That email and password do not match an active account." });
  }
  deleteExpiredSessions(new Date());
  recordAudit({ actorId: account.id, action: "auth.sign_in", subject: { type: "user", id: account.id } });
  // The first sign-in from a browser that says its zone sets the user's; after that only the account page does.
  adoptBrowserTimeZone(account.id, timeZone);
  return startSession({
    userId: account.id,
    userAgent: request.headers.get("User-Agent"),
    redirectTo: safeRedirect(redirectTo),
  });
}

export default function Login() {
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const navigation = useNavigation();
  const { formRef, register, onSubmit, errorFor, typed, summary } = useValidatedForm(signInSchema, {
    serverErrors: actionData?.fieldErrors,
    submitted: actionData?.values,
  });
  return (
    <div className="auth">
      <div className="card">
        <h1>Sign in to AI Talent Scorecards</h1>
        <p className="muted">Structured, evidence-based hiring for AI roles.</p>
        <FormError error={actionData?.formError} summary={summary} />
        <Form method="post" ref={formRef} onSubmit={onSubmit} className="stack" noValidate>
          <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? "/"} />
          <BrowserTimeZoneInput />
          <Field label="Email" error={errorFor("email")}>
            {/* The page's one task: focus starts where it begins, and nothing above it is skipped. */}
            {(aria) => (
              <input
                type="email"
                autoComplete="username"
                // eslint-disable-next-line jsx-a11y/no-autofocus
                autoFocus
                defaultValue={typed("email", "")}
                {...aria}
                {...register("email")}
              />
            )}
          </Field>
          <Field label="Password" error={errorFor("password")}>
            {(aria) => <input type="password" autoComplete="current-password" {...aria} {...register("password")} />}
          </Field>
          <div>
            <button type="submit" className="btn btn-primary" disabled={navigation.state === "submitting"}>
              {navigation.state === "submitting" ? "Signing in…" : "Sign in"}
            </button>
          </div>
        </Form>
      </div>
      <p className="muted small">Accounts are created by your admin. Forgot your password? Ask an admin to reset it.</p>
    </div>
  );
}

/**
 * The browser's IANA zone, filled in once the page runs its script. Without
 * JavaScript it stays empty, and the user's times read UTC until they choose a
 * zone on their account page.
 */
function BrowserTimeZoneInput() {
  return (
    <input
      type="hidden"
      name="timeZone"
      defaultValue=""
      ref={(el) => {
        if (el) el.value = Intl.DateTimeFormat().resolvedOptions().timeZone ?? "";
      }}
    />
  );
}
