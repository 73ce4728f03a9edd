// One webhook endpoint (admins): its URL, description and events (editable),
// disabling and enabling it, replacing its signing secret (shown once),
// deleting it, and its delivery log, newest first, with "Send again" for a
// delivery that failed.
import {
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  type SerializeFrom,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { Field, FormError, useValidatedForm } from "~/components/form";
import { Moment } from "~/components/moment";
import { Pager } from "~/components/pager";
import { formatCount, Notice, PageHeader } from "~/components/ui";
import { WebhookEventFieldset } from "~/components/webhook-events";
import {
  isWebhookEventType,
  WEBHOOK_DELIVERY_PAGE_SIZE,
  webhookDeliveryStatusLabels,
  webhookEventLabels,
} from "~/domain/webhooks";
import {
  deleteWebhookEndpoint,
  getWebhookEndpoint,
  listWebhookDeliveries,
  redeliverWebhook,
  rotateWebhookSecret,
  setWebhookEndpointDisabled,
  updateWebhookEndpoint,
  type EndpointChange,
} from "~/models/webhook.server";
import { webhookArrayFields, webhookEndpointActionSchema, webhookUpdateSchema } from "~/schemas/webhook";
import { authorizeUser } from "~/utils/authorize.server";
import { getEnv } from "~/utils/env.server";
import { parseFormData } from "~/utils/forms";
import { invalid } from "~/utils/forms.server";

export const meta: MetaFunction = () => [{ title: "Webhook endpoint · AI Talent Scorecards" }];

function loadEndpoint(id: string | undefined) {
  const endpoint = getWebhookEndpoint(Number(id));
  if (!endpoint) throw new Response("Webhook endpoint not found", { status: 404 });
  return endpoint;
}

export async function loader(args: LoaderFunctionArgs) {
  await authorizeUser(args, "routes/admin.webhooks.$endpointId", "loader");
  const endpoint = loadEndpoint(args.params.endpointId);
  const asked = Math.floor(Number(new URL(args.request.url).searchParams.get("page")));
  const page = Math.min(Math.max(asked || 1, 1), 100_000);
  const { deliveries, total } = listWebhookDeliveries(endpoint.id, page);
  return {
    allowHttpLocalhost: getEnv().WEBHOOKS_ALLOW_HTTP_LOCALHOST,
    endpoint: {
      id: endpoint.id,
      url: endpoint.url,
      description: endpoint.description,
      events: endpoint.events,
      disabledAt: endpoint.disabledAt?.toISOString() ?? null,
      createdAt: endpoint.createdAt.toISOString(),
      version: endpoint.version,
    },
    deliveries: deliveries.map((d) => ({
      id: d.id,
      eventId: d.eventId,
      eventType: d.eventType,
      eventLabel: isWebhookEventType(d.eventType) ? webhookEventLabels[d.eventType] : "Test ping",
      status: d.status,
      attempts: d.attempts,
      lastStatusCode: d.lastStatusCode,
      lastError: d.lastError,
      nextAttemptAt: d.status === "queued" ? d.nextAttemptAt.toISOString() : null,
      deliveredAt: d.deliveredAt?.toISOString() ?? null,
      createdAt: d.createdAt.toISOString(),
    })),
    total,
    page,
    pageCount: Math.ceil(total / WEBHOOK_DELIVERY_PAGE_SIZE),
  };
}

const conflict =
  "Someone else changed this endpoint after you opened the page; nothing was saved. Reload to see it as it is now.";

export async function action(args: ActionFunctionArgs) {
  const { user } = await authorizeUser(args, "routes/admin.webhooks.$endpointId", "action");
  const endpoint = loadEndpoint(args.params.endpointId);
  const formData = await args.request.formData();
  const intent = String(formData.get("intent") ?? "");
  const refuse = (failure: { fieldErrors: Record<string, string[]>; formError: string | null }, status = 400) =>
    invalid(formData, { intent, rotated: null, ...failure }, { status, arrayFields: webhookArrayFields });
  const answer = (result: EndpointChange, saved: string) => {
    if (!result.ok && result.reason === "not-found") throw new Response("Webhook endpoint not found", { status: 404 });
    if (!result.ok) return refuse({ fieldErrors: {}, formError: conflict }, 409);
    return redirect(`/admin/webhooks/${endpoint.id}?saved=${saved}`);
  };
  if (intent === "update") {
    const schema = webhookUpdateSchema({ allowHttpLocalhost: getEnv().WEBHOOKS_ALLOW_HTTP_LOCALHOST });
    const parsed = parseFormData(schema, formData, webhookArrayFields);
    if (!parsed.ok) return refuse(parsed);
    return answer(updateWebhookEndpoint({ ...parsed.data, id: endpoint.id, actorId: user.id }), "updated");
  }
  const parsed = parseFormData(webhookEndpointActionSchema, formData);
  if (!parsed.ok)
    return refuse({ fieldErrors: parsed.fieldErrors, formError: parsed.formError ?? "Choose what to do" });
  const command = parsed.data;
  const target = { id: endpoint.id, actorId: user.id };
  switch (command.intent) {
    case "disable":
    case "enable": {
      const disabled = command.intent === "disable";
      return answer(
        setWebhookEndpointDisabled({ ...target, version: command.version, disabled }),
        command.intent + "d",
      );
    }
    case "rotate": {
      const result = rotateWebhookSecret({ ...target, version: command.version });
      if (!result.ok) return answer(result, "");
      // Shown in this answer only, as on registration.
      return { intent, fieldErrors: {}, formError: null, values: null, rotated: result.secret ?? null };
    }
    case "delete": {
      const result = deleteWebhookEndpoint({ ...target, version: command.version });
      return result.ok ? redirect("/admin/webhooks?deleted=1") : answer(result, "");
    }
    case "redeliver":
      if (!redeliverWebhook({ endpointId: endpoint.id, deliveryId: command.deliveryId }))
        return refuse({ fieldErrors: {}, formError: "Only a delivery that failed can be sent again." });
      return redirect(`/admin/webhooks/${endpoint.id}?saved=redelivered`);
  }
}

type PageData = SerializeFrom<typeof loader>;

const savedText: Record<string, string> = {
  updated: "Changes saved.",
  disabled: "Endpoint disabled: no new events are queued for it, and what is queued waits.",
  enabled: "Endpoint enabled.",
  redelivered: "The delivery is queued to be sent again.",
};

function SettingsForm({ endpoint, allowHttpLocalhost }: Pick<PageData, "endpoint" | "allowHttpLocalhost">) {
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const mine = actionData?.intent === "update";
  const form = useValidatedForm(webhookUpdateSchema({ allowHttpLocalhost }), {
    arrayFields: webhookArrayFields,
    serverErrors: mine ? actionData.fieldErrors : null,
    submitted: mine ? actionData.values : null,
  });
  const { formRef, register, onSubmit, errorFor, typed, summary } = form;
  return (
    <section className="card" aria-labelledby="settings-heading">
      <h2 id="settings-heading">Settings</h2>
      <FormError error={mine ? actionData.formError : null} summary={summary} />
      <Form method="post" ref={formRef} onSubmit={onSubmit} className="stack" noValidate>
        <input type="hidden" name="intent" value="update" />
        <input type="hidden" name="version" value={typed("version", String(endpoint.version))} />
        <Field label="URL" error={errorFor("url")}>
          {(aria) => (
            <input
              type="url"
              inputMode="url"
              defaultValue={typed("url", endpoint.url)}
              {...aria}
              {...register("url")}
            />
          )}
        </Field>
        <Field label="Description" error={errorFor("description")}>
          {(aria) => (
            <input
              type="text"
              defaultValue={typed("description", endpoint.description ?? "")}
              {...aria}
              {...register("description")}
            />
          )}
        </Field>
        <WebhookEventFieldset form={form} chosen={endpoint.events} />
        <div>
          <button type="submit" className="btn btn-primary" disabled={navigation.state === "submitting"}>
            Save changes
          </button>
        </div>
      </Form>
    </section>
  );
}

/** A one-button form naming the endpoint's version. */
function IntentButton(props: { intent: string; version: number; label: string; danger?: boolean }) {
  return (
    <Form method="post">
      <input type="hidden" name="intent" value={props.intent} />
      <input type="hidden" name="version" value={props.version} />
      <button type="submit" className={`btn${props.danger ? " btn-danger" : ""}`}>
        {props.label}
      </button>
    </Form>
  );
}

function ControlPanel({ endpoint }: Pick<PageData, "endpoint">) {
  const actionData = useActionData<typeof action>();
  const other = actionData && actionData.intent !== "update" ? actionData : null;
  return (
    <section className="card stack" aria-labelledby="control-heading">
      <h2 id="control-heading">Secret and status</h2>
      <FormError error={other?.formError} />
      {other?.rotated ? (
        <div>
          <p>
            The secret is replaced: deliveries from now on are signed with this one. Copy it now; it is not shown again.
          </p>
          <Field label="New signing secret">
            {(aria) => <input type="text" readOnly value={other.rotated ?? ""} className="secret" {...aria} />}
          </Field>
        </div>
      ) : (
        <p className="muted">
          The signing secret was shown once, when the endpoint was registered. If it was lost or may have leaked,
          replace it: the old one stops signing at once.
        </p>
      )}
      <div className="actions">
        <IntentButton intent="rotate" version={endpoint.version} label="Replace the secret" />
        {endpoint.disabledAt ? (
          <IntentButton intent="enable" version={endpoint.version} label="Enable" />
        ) : (
          <IntentButton intent="disable" version={endpoint.version} label="Disable" />
        )}
      </div>
      <details>
        <summary>Delete this endpoint</summary>
        <p className="small">Its delivery log goes with it; the audit log keeps who registered and deleted it.</p>
        <IntentButton intent="delete" version={endpoint.version} label="Delete endpoint" danger />
      </details>
    </section>
  );
}

type Delivery = PageData["deliveries"][number];

/** The attempts, the last answer and error: columns on a wide screen, lines under the status on a narrow one. */
function Attempts({ d }: { d: Delivery }) {
  return (
    <span className="narrow-only small">
      {d.attempts} {d.attempts === 1 ? "attempt" : "attempts"}
      {d.lastStatusCode !== null ? `, last HTTP ${d.lastStatusCode}` : ""}
      {d.lastError ? <span className="muted break"> · {d.lastError}</span> : null}
    </span>
  );
}

function DeliveryRow({ d }: { d: Delivery }) {
  const status = webhookDeliveryStatusLabels[d.status];
  return (
    <tr>
      <td className="small">
        <Moment at={d.createdAt} />
      </td>
      <th scope="row">
        {d.eventLabel}
        <div className="muted small break">
          <code>{d.eventType}</code> <code>{d.eventId}</code>
        </div>
      </th>
      <td className={d.status === "failed" ? "mail-failed" : undefined}>
        {d.status === "failed" ? <strong>{status}</strong> : status}
        {d.deliveredAt ? (
          <div className="muted small">
            <Moment at={d.deliveredAt} />
          </div>
        ) : null}
        {d.nextAttemptAt ? (
          <div className="muted small">
            next try <Moment at={d.nextAttemptAt} />
          </div>
        ) : null}
        <Attempts d={d} />
        {d.status === "failed" ? (
          <Form method="post" className="resend">
            <input type="hidden" name="intent" value="redeliver" />
            <input type="hidden" name="deliveryId" value={d.id} />
            <button type="submit" className="btn btn-small">
              Send again
            </button>
          </Form>
        ) : null}
      </td>
      <td className="num wide-only">{d.attempts}</td>
      <td className="num wide-only">{d.lastStatusCode ?? "–"}</td>
      <td className="small break wide-only">{d.lastError ?? ""}</td>
    </tr>
  );
}

function DeliveryLog({
  deliveries,
  total,
  page,
  pageCount,
}: Pick<PageData, "deliveries" | "total" | "page" | "pageCount">) {
  return (
    <section className="card" aria-labelledby="deliveries-heading">
      <h2 id="deliveries-heading">Deliveries</h2>
      {deliveries.length === 0 ? (
        <p className="muted">Nothing sent yet.</p>
      ) : (
        <div className="table-wrap">
          <table className="narrow-fold">
            <caption className="muted small">{formatCount(total)} in all, newest first.</caption>
            <thead>
              <tr>
                <th scope="col">Queued</th>
                <th scope="col">Event</th>
                <th scope="col">Status</th>
                <th scope="col" className="num wide-only">
                  Attempts
                </th>
                <th scope="col" className="num wide-only">
                  Last HTTP status
                </th>
                <th scope="col" className="wide-only">
                  Last error
                </th>
              </tr>
            </thead>
            <tbody>
              {deliveries.map((d) => (
                <DeliveryRow key={d.id} d={d} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager page={page} pageCount={pageCount} params={{}} />
    </section>
  );
}

export default function WebhookEndpoint() {
  const data = useLoaderData<typeof loader>();
  const { endpoint } = data;
  const [params] = useSearchParams();
  const saved = savedText[params.get("saved") ?? ""];
  return (
    <>
      <PageHeader
        title="Webhook endpoint"
        subtitle={
          <>
            <code className="break">{endpoint.url}</code>
            {endpoint.description ? ` · ${endpoint.description}` : ""} · registered <Moment at={endpoint.createdAt} />
          </>
        }
        badge={
          endpoint.disabledAt ? (
            <span className="badge badge-closed">Disabled</span>
          ) : (
            <span className="badge badge-open">Enabled</span>
          )
        }
        actions={
          <Link className="btn" to="/admin/webhooks">
            All endpoints
          </Link>
        }
      />
      {saved ? <Notice>{saved}</Notice> : null}
      <DeliveryLog deliveries={data.deliveries} total={data.total} page={data.page} pageCount={data.pageCount} />
      <div className="grid grid-2">
        <SettingsForm endpoint={endpoint} allowHttpLocalhost={data.allowHttpLocalhost} />
        <ControlPanel endpoint={endpoint} />
      </div>
    </>
  );
}
