import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { Field, FormError, useValidatedForm } from "~/components/form";
import { isSsoRefusal, ssoRefusalMessages } from "~/domain/sso";
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
import { getSsoConfig, passwordAllowedFor } from "~/utils/sso.server";
import { hitThrottle } from "~/utils/throttle.server";

export const meta: MetaFunction = () => [{ title: "Sign in · AI Talent Scorecards" }];

export async function loader(args: LoaderFunctionArgs) {
  const { user } = await authorize(args, "routes/login", "loader");
  if (user) throw redirect("/");
  const sso = getSsoConfig();
  const error = new URL(args.request.url).searchParams.get("sso_error");
  return {
    sso: sso ? { name: sso.name, only: sso.ssoOnly } : null,
    ssoError: isSsoRefusal(error) ? ssoRefusalMessages[error] : null,
  };
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
  // Single sign-on only: passwords are refused on the server for everyone but the break-glass admin.
  if (!passwordAllowedFor({ email, kind: account?.kind })) {
    recordAudit({
      actorId: null,
      action: "auth.sign_in_failed",
      subject: account ? { type: "user", id: account.id } : undefined,
      detail: { reason: "sso_only" },
    });
    return invalid(formData, {
      fieldErrors: {},
      formError: `Passwords are turned off here. Sign in with ${getSsoConfig()?.name ?? "single sign-on"}.`,
    });
  }

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
  const { sso, ssoError } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const redirectTo = params.get("redirectTo") ?? "/";
  // In SSO-only mode the password form is the break-glass admin's, behind a quiet link.
  const showPassword = !sso?.only || params.get("password") === "1" || Boolean(actionData);
  return (
    <div className="auth">
      <div className="card">
        <h1>Sign in to AI Talent Scorecards</h1>
        <p className="muted">Structured, evidence-based hiring for AI roles.</p>
        {ssoError ? (
          <div className="form-error" role="alert">
            {ssoError}
          </div>
        ) : null}
        {sso ? <SsoButton name={sso.name} redirectTo={redirectTo} primary={sso.only} /> : null}
        {sso && showPassword ? (
          <p className="auth-or muted small">
            {sso.only ? "Break-glass admin: email and password" : "or with your email and password"}
          </p>
        ) : null}
        {showPassword ? <PasswordForm redirectTo={redirectTo} /> : null}
        {!showPassword ? (
          <p className="muted small">
            <a href={`/login?password=1&redirectTo=${encodeURIComponent(redirectTo)}`}>Break-glass admin sign-in</a>
          </p>
        ) : null}
      </div>
      <p className="muted small">
        {sso?.only
          ? "Accounts are managed at your sign-in provider. Ask your admin for access."
          : "Accounts are created by your admin. Forgot your password? Ask an admin to reset it."}
      </p>
    </div>
  );
}

/**
 * A link, not a form: the provider's page is a full navigation away. The browser's zone rides along once the
 * page's script runs, so the first sign-in through the provider sets it as the password form does.
 */
function SsoButton({ name, redirectTo, primary }: { name: string; redirectTo: string; primary: boolean }) {
  const href = `/auth/sso?redirectTo=${encodeURIComponent(redirectTo)}`;
  return (
    <p>
      <a
        className={primary ? "btn btn-primary btn-block" : "btn btn-block"}
        href={href}
        ref={(el) => {
          const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
          if (el && zone) el.href = `${href}&timeZone=${encodeURIComponent(zone)}`;
        }}
      >
        Sign in with {name}
      </a>
    </p>
  );
}

function PasswordForm({ redirectTo }: { redirectTo: string }) {
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { formRef, register, onSubmit, errorFor, typed, summary } = useValidatedForm(signInSchema, {
    serverErrors: actionData?.fieldErrors,
    submitted: actionData?.values,
  });
  return (
    <>
      <FormError error={actionData?.formError} summary={summary} />
      <Form method="post" ref={formRef} onSubmit={onSubmit} className="stack" noValidate>
        <input type="hidden" name="redirectTo" value={redirectTo} />
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
    </>
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
