import {
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  type SerializeFrom,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { Field, FormError, useValidatedForm } from "~/components/form";
import { Notice, PageHeader } from "~/components/ui";
import { userKindLabels, userKinds } from "~/domain/reference";
import { countSessionsForUser } from "~/models/session.server";
import { getUserById, setPassword, updateUser } from "~/models/user.server";
import { setPasswordSchema, updateUserSchema, userActionSchema } from "~/schemas/user";
import { authorizeUser } from "~/utils/authorize.server";
import { parseFormData, type FieldErrors } from "~/utils/forms";
import { invalid } from "~/utils/forms.server";
import { checkNewPassword, hashPassword } from "~/utils/password.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.user.name ?? "User"} · AI Talent Scorecards` },
];

function loadUser(id: string | undefined) {
  const user = getUserById(Number(id));
  if (!user) throw new Response("User not found", { status: 404 });
  return user;
}

export async function loader(args: LoaderFunctionArgs) {
  const { user: actor } = await authorizeUser(args, "routes/admin.users.$userId", "loader");
  const user = loadUser(args.params.userId);
  return { user, isSelf: actor.id === user.id, activeSessions: countSessionsForUser(user.id) };
}

export async function action(args: ActionFunctionArgs) {
  const { user: actor, sessionId } = await authorizeUser(args, "routes/admin.users.$userId", "action");
  const target = loadUser(args.params.userId);
  const formData = await args.request.formData();
  const intent = String(formData.get("intent") ?? "");
  const parsed = parseFormData(userActionSchema, formData);
  const refuse = (fieldErrors: FieldErrors, formError: string | null = null, status = 400) =>
    invalid(formData, { intent, fieldErrors, formError }, { status });
  if (!parsed.ok) return refuse(parsed.fieldErrors, parsed.formError);

  if (parsed.data.intent === "update") {
    const { name, kind, active, version } = parsed.data;
    if (target.id === actor.id && (kind !== "admin" || !active)) {
      return refuse({ kind: ["You cannot remove your own admin access; ask another admin"] });
    }
    const result = updateUser({ id: target.id, version, name, kind, active, actorId: actor.id });
    if (!result.ok) {
      return refuse(
        {},
        "Someone else changed this user after you opened the page; nothing was saved. Reload to see the current details.",
        409,
      );
    }
    return redirect(`/admin/users/${target.id}?saved=updated`);
  }

  const check = checkNewPassword(parsed.data.password, { email: target.email, name: target.name });
  if (!check.ok) return refuse({ password: [check.message] });
  // Setting your own password here keeps you signed in, as on the account page.
  setPassword({
    userId: target.id,
    passwordHash: await hashPassword(parsed.data.password),
    keepSessionId: target.id === actor.id ? sessionId : undefined,
    resetById: actor.id,
  });
  return redirect(`/admin/users/${target.id}?saved=password`);
}

type UserData = SerializeFrom<typeof loader>;

function savedText(saved: string) {
  return saved === "created"
    ? "User created."
    : saved === "password"
      ? "Password set; their sessions were signed out."
      : "Changes saved.";
}

/** Name, kind and whether the account is active; you cannot change your own kind or deactivate yourself. */
function UserDetailsForm({ user, isSelf }: Pick<UserData, "user" | "isSelf">) {
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const details = useValidatedForm(updateUserSchema, {
    serverErrors: actionData?.intent === "update" ? actionData.fieldErrors : null,
    submitted: actionData?.intent === "update" ? actionData.values : null,
  });
  return (
    <section className="card" aria-labelledby="details">
      <h2 id="details">Details and access</h2>
      <FormError error={actionData?.intent === "update" ? actionData.formError : null} summary={details.summary} />
      <Form method="post" ref={details.formRef} onSubmit={details.onSubmit} className="stack" noValidate>
        <input type="hidden" name="intent" value="update" />
        <input type="hidden" name="version" value={details.typed("version", String(user.version))} />
        <Field label="Name" error={details.errorFor("name")}>
          {(aria) => (
            <input
              type="text"
              defaultValue={details.typed("name", user.name)}
              {...aria}
              {...details.register("name")}
            />
          )}
        </Field>
        <Field
          label="Kind"
          error={details.errorFor("kind")}
          hint={isSelf ? "You cannot change your own kind." : undefined}
        >
          {(aria) => (
            <select
              defaultValue={details.typed("kind", user.kind)}
              disabled={isSelf}
              {...aria}
              {...details.register("kind")}
            >
              {userKinds.map((k) => (
                <option key={k} value={k}>
                  {userKindLabels[k]}
                </option>
              ))}
            </select>
          )}
        </Field>
        {isSelf ? (
          <>
            <input type="hidden" name="kind" value={user.kind} />
            <input type="hidden" name="active" value="on" />
          </>
        ) : null}
        <div className="checks">
          <label>
            <input
              type="checkbox"
              value="on"
              defaultChecked={details.ticked("active", "on", user.active)}
              disabled={isSelf}
              {...details.group("active")}
            />{" "}
            Active (unticking signs them out everywhere)
          </label>
        </div>
        <div>
          <button type="submit" className="btn btn-primary" disabled={navigation.state === "submitting"}>
            Save
          </button>
        </div>
      </Form>
    </section>
  );
}

/** A new password for someone locked out (or yourself); their sessions end. */
function SetPasswordForm({ isSelf }: { isSelf: boolean }) {
  const actionData = useActionData<typeof action>();
  const password = useValidatedForm(setPasswordSchema, {
    serverErrors: actionData?.intent === "set-password" ? actionData.fieldErrors : null,
  });
  return (
    <section className="card" aria-labelledby="reset">
      <h2 id="reset">Set a new password</h2>
      <p className="muted">
        {isSelf
          ? "Your other sessions end; this one stays signed in."
          : "For someone locked out. Their current sessions end."}
      </p>
      <FormError summary={password.summary} />
      <Form method="post" ref={password.formRef} onSubmit={password.onSubmit} className="stack" noValidate>
        <input type="hidden" name="intent" value="set-password" />
        <Field
          label="New password"
          hint="At least 12 characters; not a common password."
          error={password.errorFor("password")}
        >
          {(aria) => <input type="password" autoComplete="new-password" {...aria} {...password.register("password")} />}
        </Field>
        <div>
          <button type="submit" className="btn">
            Set password
          </button>
        </div>
      </Form>
    </section>
  );
}

export default function UserPage() {
  const { user, isSelf, activeSessions } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const saved = params.get("saved");
  return (
    <>
      <PageHeader
        title={user.name}
        subtitle={`${user.email} · ${userKindLabels[user.kind]} · ${user.active ? "active" : "deactivated"}${user.ssoLinked ? " · signs in through single sign-on" : ""} · ${activeSessions} signed-in ${activeSessions === 1 ? "session" : "sessions"}`}
        actions={
          <Link to="/admin/users" className="btn">
            All users
          </Link>
        }
      />
      {saved ? <Notice>{savedText(saved)}</Notice> : null}
      <div className="grid grid-2">
        <UserDetailsForm user={user} isSelf={isSelf} />
        <SetPasswordForm isSelf={isSelf} />
      </div>
    </>
  );
}
