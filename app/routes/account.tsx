import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Field, FormError, useValidatedForm } from "~/components/form";
import { Notice, PageHeader } from "~/components/ui";
import { userKindLabels } from "~/domain/reference";
import { getPasswordHash, setPassword } from "~/models/user.server";
import { changePasswordSchema } from "~/schemas/auth";
import { authorizeUser } from "~/utils/authorize.server";
import { parseFormData } from "~/utils/forms";
import { checkNewPassword, hashPassword, verifyPassword } from "~/utils/password.server";

export const meta: MetaFunction = () => [{ title: "Your account · AI Talent Scorecards" }];

export async function loader(args: LoaderFunctionArgs) {
  const { user } = await authorizeUser(args, "routes/account", "loader");
  return { user };
}

export async function action(args: ActionFunctionArgs) {
  const { user, sessionId } = await authorizeUser(args, "routes/account", "action");
  const parsed = parseFormData(changePasswordSchema, await args.request.formData());
  if (!parsed.ok)
    return data({ ok: false as const, fieldErrors: parsed.fieldErrors, formError: parsed.formError }, { status: 400 });

  const { currentPassword, newPassword } = parsed.data;
  const stored = getPasswordHash(user.id);
  if (!stored || !(await verifyPassword(currentPassword, stored))) {
    return data(
      { ok: false as const, fieldErrors: { currentPassword: ["That is not your current password"] }, formError: null },
      { status: 400 },
    );
  }
  const policy = checkNewPassword(newPassword, { email: user.email, name: user.name });
  if (!policy.ok) {
    return data(
      { ok: false as const, fieldErrors: { newPassword: [policy.message] }, formError: null },
      { status: 400 },
    );
  }
  const passwordHash = await hashPassword(newPassword);
  // Every other session of this user ends; this one stays signed in.
  setPassword({ userId: user.id, passwordHash, keepSessionId: sessionId });
  return { ok: true as const, fieldErrors: {}, formError: null };
}

export default function Account() {
  const { user } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { formRef, register, onSubmit, errorFor, summary } = useValidatedForm(changePasswordSchema, {
    serverErrors: actionData?.fieldErrors,
  });
  return (
    <>
      <PageHeader title="Your account" subtitle={`${user.name} · ${user.email} · ${userKindLabels[user.kind]}`} />
      <div className="card">
        <h2>Change password</h2>
        <p className="muted">Changing your password signs you out everywhere else.</p>
        {actionData?.ok ? <Notice>Password changed. Your other sessions have been signed out.</Notice> : null}
        <FormError error={actionData?.formError} summary={summary} />
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
              {(aria) => (
                <input type="password" autoComplete="new-password" {...aria} {...register("confirmPassword")} />
              )}
            </Field>
          </div>
          <div>
            <button type="submit" className="btn btn-primary" disabled={navigation.state === "submitting"}>
              Change password
            </button>
          </div>
        </Form>
      </div>
    </>
  );
}
