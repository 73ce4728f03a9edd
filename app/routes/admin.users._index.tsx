import {
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  type SerializeFrom,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Field, FormError, useValidatedForm } from "~/components/form";
import { PageHeader } from "~/components/ui";
import { userKindLabels, userKinds } from "~/domain/reference";
import { createUser, isEmailTaken, listUsers } from "~/models/user.server";
import { createUserSchema } from "~/schemas/user";
import { authorizeUser } from "~/utils/authorize.server";
import { parseFormData } from "~/utils/forms";
import { invalid } from "~/utils/forms.server";
import { checkNewPassword, hashPassword } from "~/utils/password.server";

export const meta: MetaFunction = () => [{ title: "Users · AI Talent Scorecards" }];

export async function loader(args: LoaderFunctionArgs) {
  await authorizeUser(args, "routes/admin.users._index", "loader");
  return { users: listUsers() };
}

export async function action(args: ActionFunctionArgs) {
  const { user: actor } = await authorizeUser(args, "routes/admin.users._index", "action");
  const formData = await args.request.formData();
  const parsed = parseFormData(createUserSchema, formData);
  if (!parsed.ok) return invalid(formData, { fieldErrors: parsed.fieldErrors, formError: parsed.formError });
  const { name, email, kind, password } = parsed.data;
  if (isEmailTaken(email))
    return invalid(formData, { fieldErrors: { email: ["A user with this email already exists"] }, formError: null });
  const policy = checkNewPassword(password, { email, name });
  if (!policy.ok) return invalid(formData, { fieldErrors: { password: [policy.message] }, formError: null });
  const id = createUser({ name, email, kind, passwordHash: await hashPassword(password) }, actor.id);
  return redirect(`/admin/users/${id}?saved=created`);
}

type UserRow = SerializeFrom<typeof loader>["users"][number];

function UsersTable({ users }: { users: UserRow[] }) {
  return (
    <div className="table-wrap">
      <table>
        <caption className="visually-hidden">Users who can sign in</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Email</th>
            <th scope="col">Kind</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id}>
              <td>
                <Link to={`/admin/users/${u.id}`}>{u.name}</Link>
              </td>
              <td className="small">{u.email}</td>
              <td>{userKindLabels[u.kind]}</td>
              <td>
                {u.active ? (
                  <span className="badge badge-open">Active</span>
                ) : (
                  <span className="badge badge-closed">Deactivated</span>
                )}
                {u.ssoLinked ? (
                  <>
                    {" "}
                    <span className="badge" title="Signs in through single sign-on">
                      SSO
                    </span>
                  </>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** There is no public sign-up: an admin creates each account with a first password to share privately. */
function AddUserForm() {
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { formRef, register, onSubmit, errorFor, typed, summary } = useValidatedForm(createUserSchema, {
    serverErrors: actionData?.fieldErrors,
    submitted: actionData?.values,
  });
  return (
    <section className="card" aria-labelledby="new-user">
      <h2 id="new-user">Add a user</h2>
      <FormError error={actionData?.formError} summary={summary} />
      <Form method="post" ref={formRef} onSubmit={onSubmit} className="stack" noValidate>
        <Field label="Name" error={errorFor("name")}>
          {(aria) => (
            <input type="text" autoComplete="off" defaultValue={typed("name", "")} {...aria} {...register("name")} />
          )}
        </Field>
        <Field label="Email" error={errorFor("email")}>
          {(aria) => (
            <input type="email" autoComplete="off" defaultValue={typed("email", "")} {...aria} {...register("email")} />
          )}
        </Field>
        <Field label="Kind" error={errorFor("kind")}>
          {(aria) => (
            <select defaultValue={typed("kind", "interviewer")} {...aria} {...register("kind")}>
              {userKinds.map((k) => (
                <option key={k} value={k}>
                  {userKindLabels[k]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          label="Initial password"
          hint="At least 12 characters, not a common password. Share it privately; they can change it under their account."
          error={errorFor("password")}
        >
          {(aria) => <input type="password" autoComplete="new-password" {...aria} {...register("password")} />}
        </Field>
        <div>
          <button type="submit" className="btn btn-primary" disabled={navigation.state === "submitting"}>
            Add user
          </button>
        </div>
      </Form>
    </section>
  );
}

export default function Users() {
  const { users } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader
        title="Users"
        subtitle="Who can sign in, and as what. There is no public sign-up: accounts are created here."
        actions={
          <>
            <Link className="btn" to="/admin/audit">
              Audit log
            </Link>{" "}
            <Link className="btn" to="/admin/retention">
              Retention
            </Link>{" "}
            <Link className="btn" to="/admin/mail">
              Outgoing mail
            </Link>{" "}
            <Link className="btn" to="/admin/api-keys">
              API keys
            </Link>
            <Link className="btn" to="/admin/webhooks">
              Webhooks
            </Link>
          </>
        }
      />
      <div className="grid grid-2">
        <UsersTable users={users} />
        <AddUserForm />
      </div>
    </>
  );
}
