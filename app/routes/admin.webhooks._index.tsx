// Webhooks (admins): the endpoints that receive signed events, each with what
// it subscribed to and how its deliveries stand, and the form that registers a
// new one. Registering shows the signing secret once and sends the endpoint a ping.
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { Field, FormError, useValidatedForm } from "~/components/form";
import { WebhookEventFieldset } from "~/components/webhook-events";
import { Moment } from "~/components/moment";
import { formatCount, Notice, PageHeader } from "~/components/ui";
import { webhookEventLabels } from "~/domain/webhooks";
import { createWebhookEndpoint, listWebhookEndpoints } from "~/models/webhook.server";
import { webhookArrayFields, webhookEndpointSchema } from "~/schemas/webhook";
import { authorizeUser } from "~/utils/authorize.server";
import { getEnv } from "~/utils/env.server";
import { parseFormData } from "~/utils/forms";
import { invalid } from "~/utils/forms.server";

export const meta: MetaFunction = () => [{ title: "Webhooks · AI Talent Scorecards" }];

export async function loader(args: LoaderFunctionArgs) {
  await authorizeUser(args, "routes/admin.webhooks._index", "loader");
  return {
    allowHttpLocalhost: getEnv().WEBHOOKS_ALLOW_HTTP_LOCALHOST,
    endpoints: listWebhookEndpoints().map((e) => ({
      id: e.id,
      url: e.url,
      description: e.description,
      events: e.events.map((t) => webhookEventLabels[t]),
      disabled: e.disabledAt !== null,
      queued: e.queued,
      failed: e.failed,
      lastDeliveredAt: e.lastDeliveredAt?.toISOString() ?? null,
    })),
  };
}

export async function action(args: ActionFunctionArgs) {
  const { user } = await authorizeUser(args, "routes/admin.webhooks._index", "action");
  const formData = await args.request.formData();
  const schema = webhookEndpointSchema({ allowHttpLocalhost: getEnv().WEBHOOKS_ALLOW_HTTP_LOCALHOST });
  const parsed = parseFormData(schema, formData, webhookArrayFields);
  if (!parsed.ok)
    return invalid(
      formData,
      { fieldErrors: parsed.fieldErrors, formError: parsed.formError, created: null },
      { arrayFields: webhookArrayFields },
    );
  const { id, secret } = createWebhookEndpoint({ ...parsed.data, actorId: user.id });
  // The secret is shown in this answer only: it is never in a URL, a log or a later page.
  return { fieldErrors: {}, formError: null, values: null, created: { id, url: parsed.data.url, secret } };
}

/** The secret of the endpoint just registered, to copy now. */
function CreatedSecret({ created }: { created: { id: number; url: string; secret: string } }) {
  return (
    <section className="card" aria-labelledby="created-heading">
      <h2 id="created-heading">Endpoint registered</h2>
      <p>
        Deliveries to <code>{created.url}</code> are signed with this secret. Copy it now into the receiver&rsquo;s
        configuration: it is not shown again (you can replace it on the endpoint&rsquo;s page). A ping is on its way.
      </p>
      <Field label="Signing secret">
        {(aria) => <input type="text" readOnly value={created.secret} className="secret" {...aria} />}
      </Field>
      <p>
        <Link to={`/admin/webhooks/${created.id}`}>Open the endpoint and its deliveries</Link>
      </p>
    </section>
  );
}

function RegisterForm({ allowHttpLocalhost }: { allowHttpLocalhost: boolean }) {
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const form = useValidatedForm(webhookEndpointSchema({ allowHttpLocalhost }), {
    arrayFields: webhookArrayFields,
    serverErrors: actionData?.fieldErrors,
    submitted: actionData?.values,
  });
  const { formRef, register, onSubmit, errorFor, typed, summary } = form;
  return (
    <section className="card" aria-labelledby="register-heading">
      <h2 id="register-heading">Register an endpoint</h2>
      <FormError error={actionData?.formError} summary={summary} />
      <Form method="post" ref={formRef} onSubmit={onSubmit} className="stack" noValidate>
        <Field
          label="URL"
          hint={`Where each event is POSTed, signed. It must be https${allowHttpLocalhost ? " (or http on localhost, allowed on this server)" : ""}.`}
          error={errorFor("url")}
        >
          {(aria) => (
            <input
              type="url"
              inputMode="url"
              autoComplete="off"
              placeholder="https://"
              defaultValue={typed("url", "")}
              {...aria}
              {...register("url")}
            />
          )}
        </Field>
        <Field label="Description" hint="Optional: what receives these events." error={errorFor("description")}>
          {(aria) => (
            <input type="text" defaultValue={typed("description", "")} {...aria} {...register("description")} />
          )}
        </Field>
        <WebhookEventFieldset form={form} chosen={[]} />
        <div>
          <button type="submit" className="btn btn-primary" disabled={navigation.state === "submitting"}>
            Register endpoint
          </button>
        </div>
      </Form>
    </section>
  );
}

type Endpoint = ReturnType<typeof useLoaderData<typeof loader>>["endpoints"][number];

function EndpointRow({ e }: { e: Endpoint }) {
  const lastDelivered = e.lastDeliveredAt ? <Moment at={e.lastDeliveredAt} /> : "never";
  return (
    <tr>
      <th scope="row" className="break">
        <Link to={`/admin/webhooks/${e.id}`}>{e.url}</Link>
        {e.description ? <div className="muted small">{e.description}</div> : null}
        {/* On a narrow screen the other columns fold in here. */}
        <span className="narrow-only small muted fold-note">
          {e.events.join(", ")} · {formatCount(e.queued)} queued, {formatCount(e.failed)} failed · last delivered{" "}
          {lastDelivered}
        </span>
      </th>
      <td className="small wide-only">{e.events.join(", ")}</td>
      <td>
        {e.disabled ? (
          <span className="badge badge-closed">Disabled</span>
        ) : (
          <span className="badge badge-open">Enabled</span>
        )}
      </td>
      <td className="num wide-only">{formatCount(e.queued)}</td>
      <td className={`num wide-only${e.failed > 0 ? " mail-failed" : ""}`}>{formatCount(e.failed)}</td>
      <td className="small wide-only">{lastDelivered}</td>
    </tr>
  );
}

function EndpointList({ endpoints }: { endpoints: Endpoint[] }) {
  return (
    <section className="card" aria-labelledby="endpoints-heading">
      <h2 id="endpoints-heading">Endpoints</h2>
      {endpoints.length === 0 ? (
        <p className="muted">No endpoints yet. Register one to receive events as they happen.</p>
      ) : (
        <div className="table-wrap">
          <table className="narrow-fold">
            <thead>
              <tr>
                <th scope="col">URL</th>
                <th scope="col" className="wide-only">
                  Events
                </th>
                <th scope="col">Status</th>
                <th scope="col" className="num wide-only">
                  Queued
                </th>
                <th scope="col" className="num wide-only">
                  Failed
                </th>
                <th scope="col" className="wide-only">
                  Last delivered
                </th>
              </tr>
            </thead>
            <tbody>
              {endpoints.map((e) => (
                <EndpointRow key={e.id} e={e} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

export default function Webhooks() {
  const { endpoints, allowHttpLocalhost } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const created = actionData?.created ?? null;
  return (
    <>
      <PageHeader
        title="Webhooks"
        subtitle="Other systems hear of stage moves, decisions, approved offers and compliance checks as they happen: each event is POSTed to the endpoints that want it, signed with the endpoint's secret, and retried with growing waits for about a day. Events carry ids and labels, never a person's details or pay."
        actions={
          <Link className="btn" to="/admin/users">
            Users
          </Link>
        }
      />
      {params.get("deleted") ? <Notice>Endpoint deleted, with its delivery log.</Notice> : null}
      {created ? <CreatedSecret created={created} /> : null}
      <EndpointList endpoints={endpoints} />
      {/* A fresh form after each registration. */}
      <RegisterForm key={created?.id ?? "new"} allowHttpLocalhost={allowHttpLocalhost} />
    </>
  );
}
