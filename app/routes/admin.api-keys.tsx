// API keys for admins: create one (a name and its scopes; the key is shown
// once), list them with who made them and when each was last used, revoke one,
// and read a key's recent calls.
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useState } from "react";
import { Field, FormError, GroupError, useValidatedForm } from "~/components/form";
import { Moment } from "~/components/moment";
import { PageHeader } from "~/components/ui";
import { API_CALLS_SHOWN, apiScopeLabels, apiScopes, parseId } from "~/domain/api";
import { createApiKey, listApiCalls, listApiKeys, revokeApiKey } from "~/models/api-key.server";
import { apiKeyActionSchema, apiKeyArrayFields, createApiKeySchema } from "~/schemas/api-key";
import { authorizeUser } from "~/utils/authorize.server";
import { parseFormData } from "~/utils/forms";
import { invalid } from "~/utils/forms.server";

export const meta: MetaFunction = () => [{ title: "API keys · AI Talent Scorecards" }];

export async function loader(args: LoaderFunctionArgs) {
  await authorizeUser(args, "routes/admin.api-keys", "loader");
  const query = new URL(args.request.url).searchParams;
  const keys = listApiKeys().map((k) => ({
    id: k.id,
    name: k.name,
    prefix: k.prefix,
    scopes: k.scopes.map((s) => apiScopeLabels[s] ?? s),
    createdBy: k.createdByName ?? "A former user",
    createdAt: k.createdAt.toISOString(),
    lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
    revokedAt: k.revokedAt?.toISOString() ?? null,
    revokedBy: k.revokedByName,
  }));
  const callsOf = keys.find((k) => k.id === parseId(query.get("calls")));
  return {
    keys,
    revoked: query.get("revoked") === "1",
    calls: callsOf
      ? {
          key: callsOf,
          rows: listApiCalls(callsOf.id).map((c) => ({ ...c, at: c.at.toISOString() })),
        }
      : null,
  };
}

export async function action(args: ActionFunctionArgs) {
  const { user } = await authorizeUser(args, "routes/admin.api-keys", "action");
  const formData = await args.request.formData();
  const parsed = parseFormData(apiKeyActionSchema, formData, apiKeyArrayFields);
  if (!parsed.ok)
    return invalid(
      formData,
      { fieldErrors: parsed.fieldErrors, formError: parsed.formError },
      { arrayFields: apiKeyArrayFields },
    );
  if (parsed.data.intent === "revoke") {
    revokeApiKey({ id: parsed.data.keyId, actorId: user.id });
    return redirect("/admin/api-keys?revoked=1");
  }
  const { id, token } = createApiKey({ name: parsed.data.name, scopes: parsed.data.scopes, actorId: user.id });
  // The only time the key leaves the server: in this answer, never stored, logged or audited.
  return { created: { id, name: parsed.data.name, token } };
}

type ActionData = ReturnType<typeof useActionData<typeof action>>;
type KeyRow = ReturnType<typeof useLoaderData<typeof loader>>["keys"][number];

function NewKeyShownOnce({ created }: { created: { id: number; name: string; token: string } }) {
  const [copied, setCopied] = useState(false);
  return (
    <section className="card api-key-created" aria-labelledby="new-key-heading">
      <h2 id="new-key-heading">Your new key for “{created.name}”</h2>
      <p className="alert alert-warn" role="status">
        Copy this key now: this is the only time it is shown. Only a fingerprint of it is kept, so nobody can show it
        again. If it is lost, revoke it and create another.
      </p>
      <div className="field">
        <label htmlFor="new-api-key">API key</label>
        <div className="api-key-copy">
          <input
            id="new-api-key"
            type="text"
            readOnly
            value={created.token}
            spellCheck={false}
            autoComplete="off"
            onFocus={(e) => e.currentTarget.select()}
          />
          <button
            type="button"
            className="btn"
            onClick={() => {
              void navigator.clipboard?.writeText(created.token).then(() => setCopied(true));
            }}
          >
            {copied ? "Copied" : "Copy"}
          </button>
        </div>
        <p className="hint">
          Send it as <code>Authorization: Bearer &lt;key&gt;</code>. See the{" "}
          <a href="/api/v1/openapi.json">API description</a>.
        </p>
      </div>
    </section>
  );
}

function CreateKeyForm({ actionData }: { actionData: ActionData }) {
  const navigation = useNavigation();
  const failed = actionData && "fieldErrors" in actionData ? actionData : null;
  const { formRef, register, group, onSubmit, errorFor, errorIdFor, groupAria, ticked, typed, summary } =
    useValidatedForm(createApiKeySchema, {
      arrayFields: apiKeyArrayFields,
      serverErrors: failed?.fieldErrors,
      submitted: failed?.values,
    });
  return (
    <section className="card" aria-labelledby="create-key-heading">
      <h2 id="create-key-heading">Create a key</h2>
      <FormError error={failed?.formError} summary={summary} />
      <Form method="post" ref={formRef} onSubmit={onSubmit} className="stack" noValidate>
        <input type="hidden" name="intent" value="create" />
        <Field label="Name" hint="The system that will use it, e.g. “HRIS sync”." error={errorFor("name")}>
          {(aria) => (
            <input type="text" autoComplete="off" defaultValue={typed("name", "")} {...aria} {...register("name")} />
          )}
        </Field>
        <fieldset {...groupAria("scopes")}>
          <legend>What it may read</legend>
          <div className="checks">
            {apiScopes.map((s) => (
              <label key={s}>
                <input type="checkbox" value={s} defaultChecked={ticked("scopes", s, false)} {...group("scopes")} />{" "}
                {apiScopeLabels[s]}
              </label>
            ))}
          </div>
          <GroupError error={errorFor("scopes")} id={errorIdFor("scopes")} />
        </fieldset>
        <div>
          <button type="submit" className="btn btn-primary" disabled={navigation.state === "submitting"}>
            Create key
          </button>
        </div>
      </Form>
    </section>
  );
}

function RevokeKey({ k }: { k: KeyRow }) {
  return (
    <details className="api-key-revoke">
      <summary className="btn btn-small">Revoke…</summary>
      <Form method="post">
        <input type="hidden" name="intent" value="revoke" />
        <input type="hidden" name="keyId" value={k.id} />
        <p className="small">Every system using “{k.name}” is refused from its next call. This cannot be undone.</p>
        <button type="submit" className="btn btn-danger btn-small">
          Revoke “{k.name}”
        </button>
      </Form>
    </details>
  );
}

function KeyStatus({ k }: { k: KeyRow }) {
  return k.revokedAt ? (
    <>
      <span className="badge badge-closed">Revoked</span>
      <div className="muted">
        <Moment at={k.revokedAt} />
        {k.revokedBy ? ` by ${k.revokedBy}` : ""}
      </div>
    </>
  ) : (
    <span className="badge badge-open">Active</span>
  );
}

const lastUsed = (k: KeyRow) => (k.lastUsedAt ? <Moment at={k.lastUsedAt} /> : "Never");

/** On a phone the scopes, dates and status fold under the key's name (table.narrow-fold). */
function KeysTable({ keys }: { keys: KeyRow[] }) {
  if (keys.length === 0) return <p className="muted">No API keys yet.</p>;
  return (
    <div className="table-wrap">
      <table className="narrow-fold api-keys">
        <caption className="visually-hidden">API keys, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col" className="wide-only">
              Scopes
            </th>
            <th scope="col" className="wide-only">
              Created
            </th>
            <th scope="col" className="wide-only">
              Last used
            </th>
            <th scope="col" className="wide-only">
              Status
            </th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {keys.map((k) => (
            <tr key={k.id}>
              <th scope="row">
                {k.name}
                <div className="muted small">
                  <code>ats_{k.prefix}_…</code>
                </div>
                <div className="narrow-only small">
                  <div>{k.scopes.join(", ")}</div>
                  <div className="muted">
                    Created <Moment at={k.createdAt} /> by {k.createdBy}; last used {lastUsed(k)}
                  </div>
                  <KeyStatus k={k} />
                </div>
              </th>
              <td className="small wide-only">{k.scopes.join(", ")}</td>
              <td className="small wide-only">
                <Moment at={k.createdAt} />
                <div className="muted">by {k.createdBy}</div>
              </td>
              <td className="small wide-only">{lastUsed(k)}</td>
              <td className="small wide-only">
                <KeyStatus k={k} />
              </td>
              <td className="small">
                <Link to={`/admin/api-keys?calls=${k.id}#calls-heading`}>Recent calls</Link>
                {k.revokedAt ? null : <RevokeKey k={k} />}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function RecentCalls() {
  const { calls } = useLoaderData<typeof loader>();
  if (!calls) return null;
  return (
    <section className="card" aria-labelledby="calls-heading">
      <h2 id="calls-heading">Recent calls with “{calls.key.name}”</h2>
      {calls.rows.length === 0 ? (
        <p className="muted">No calls yet.</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="muted small">The newest {API_CALLS_SHOWN} at most, newest first.</caption>
            <thead>
              <tr>
                <th scope="col">Time</th>
                <th scope="col">Call</th>
                <th scope="col" className="num">
                  Status
                </th>
              </tr>
            </thead>
            <tbody>
              {calls.rows.map((c) => (
                <tr key={c.id}>
                  <td className="small">
                    <Moment at={c.at} />
                  </td>
                  <td className="small api-call">
                    <code>
                      {c.method} {c.path}
                    </code>
                  </td>
                  <td className={`num${c.status >= 400 ? " mail-failed" : ""}`}>{c.status}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

export default function ApiKeys() {
  const { keys, revoked } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const created = actionData && "created" in actionData ? actionData.created : null;
  return (
    <>
      <PageHeader
        title="API keys"
        subtitle="Keys let another system (an HR system, a data warehouse) read roles, applications, scorecard summaries and checks' statuses through the read-only API. Each key reads only what its scopes allow, and pay only with the pay scope."
        actions={
          <>
            <a className="btn" href="/api/v1/openapi.json">
              API description
            </a>{" "}
            <Link className="btn" to="/admin/users">
              Users
            </Link>
          </>
        }
      />
      {revoked ? (
        <p className="alert alert-ok" role="status">
          The key was revoked. Calls made with it are refused from now on.
        </p>
      ) : null}
      {created ? <NewKeyShownOnce created={created} /> : null}
      <section className="card" aria-labelledby="keys-heading">
        <h2 id="keys-heading">Keys</h2>
        <KeysTable keys={keys} />
      </section>
      <RecentCalls />
      {/* A new form after each key made, so the last one's name and scopes do not linger. */}
      <CreateKeyForm key={created?.id ?? "new"} actionData={actionData} />
    </>
  );
}
