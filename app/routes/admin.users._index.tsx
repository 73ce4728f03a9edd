import {
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  type SerializeFrom,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { FilterForm } from "~/components/filter-form";
import { Field, FormError, useValidatedForm } from "~/components/form";
import { Pager } from "~/components/pager";
import { formatCount, PageHeader } from "~/components/ui";
import { userKindLabels, userKinds } from "~/domain/reference";
import {
  userListFilterFromParams,
  userListParams,
  userStatusFilterLabels,
  userStatusFilters,
} from "~/domain/user-list";
import { countUsersByKind, createUser, isEmailTaken, listUsersPage } from "~/models/user.server";
import { createUserSchema } from "~/schemas/user";
import { authorizeUser } from "~/utils/authorize.server";
import { parseFormData } from "~/utils/forms";
import { invalid } from "~/utils/forms.server";
import { checkNewPassword, hashPassword } from "~/utils/password.server";

export const meta: MetaFunction = () => [{ title: "Users · AI Talent Scorecards" }];

export async function loader(args: LoaderFunctionArgs) {
  await authorizeUser(args, "routes/admin.users._index", "loader");
  const params = new URL(args.request.url).searchParams;
  const filter = userListFilterFromParams(params);
  return { filter, ...listUsersPage(filter, params.get("page")), byKind: countUsersByKind() };
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

type Data = SerializeFrom<typeof loader>;

/** Search by name or email, and narrow to one kind of user or to active or deactivated accounts. */
function UserFilters({ filter, total, byKind }: Pick<Data, "filter" | "total" | "byKind">) {
  const ofKind = (kind: keyof Data["byKind"]) => byKind[kind].active + byKind[kind].deactivated;
  return (
    <FilterForm
      values={{ q: filter.query, kind: filter.kind, status: filter.status }}
      className="filters"
      role="search"
      autoSubmit
      announce={`${total} ${total === 1 ? "user" : "users"}`}
    >
      <label>
        Name or email
        <input type="search" name="q" defaultValue={filter.query} placeholder="e.g. dana" />
      </label>
      <label>
        Kind of user
        <select name="kind" defaultValue={filter.kind}>
          <option value="all">All kinds</option>
          {userKinds.map((k) => (
            <option key={k} value={k}>
              {userKindLabels[k]} ({formatCount(ofKind(k))})
            </option>
          ))}
        </select>
      </label>
      <label>
        Status
        <select name="status" defaultValue={filter.status}>
          {userStatusFilters.map((s) => (
            <option key={s} value={s}>
              {userStatusFilterLabels[s]}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="btn">
        Search
      </button>
    </FilterForm>
  );
}

function UsersTable({
  rows: users,
  total,
  pageCount,
  firstShown,
  everyone,
}: Pick<Data, "rows" | "total" | "pageCount" | "firstShown"> & { everyone: number }) {
  return (
    <div className="table-wrap">
      <table>
        <caption className="muted small">
          {formatCount(total)} {total === 1 ? "user" : "users"}
          {total !== everyone ? ` of ${formatCount(everyone)}` : ""}
          {pageCount > 1 ? `, ${formatCount(firstShown)}-${formatCount(firstShown + users.length - 1)} shown` : ""}
        </caption>
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
  const { filter, rows, total, page, pageCount, firstShown, byKind } = useLoaderData<typeof loader>();
  const everyone = Object.values(byKind).reduce((sum, k) => sum + k.active + k.deactivated, 0);
  const filtered = Object.keys(userListParams(filter)).length > 0;
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
        <section aria-label="Users who can sign in">
          <UserFilters filter={filter} total={total} byKind={byKind} />
          {rows.length === 0 ? (
            <div className="card empty">
              {filtered ? (
                <>
                  No users match these filters. <Link to="/admin/users">Clear the filters</Link>
                </>
              ) : (
                "No users yet."
              )}
            </div>
          ) : (
            <UsersTable rows={rows} total={total} pageCount={pageCount} firstShown={firstShown} everyone={everyone} />
          )}
          <Pager page={page} pageCount={pageCount} params={userListParams(filter)} />
        </section>
        <AddUserForm />
      </div>
    </>
  );
}
