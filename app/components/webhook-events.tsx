// The events a webhook endpoint subscribes to, as checkboxes: on the
// registration form and on an endpoint's page.
import { GroupError, type ValidatedForm } from "~/components/form";
import { webhookEventLabels, webhookEventTypes } from "~/domain/webhooks";

export function WebhookEventFieldset({ form, chosen }: { form: ValidatedForm; chosen: readonly string[] }) {
  const { group, errorFor, errorIdFor, ticked } = form;
  return (
    <fieldset aria-describedby={errorFor("events") ? errorIdFor("events") : undefined}>
      <legend>Events</legend>
      <div className="checks">
        {webhookEventTypes.map((type) => (
          <label key={type}>
            <input
              type="checkbox"
              value={type}
              defaultChecked={ticked("events", type, chosen.includes(type))}
              {...group("events")}
            />
            <span>
              {webhookEventLabels[type]}
              <code className="event-type">{type}</code>
            </span>
          </label>
        ))}
      </div>
      <GroupError error={errorFor("events")} id={errorIdFor("events")} />
    </fieldset>
  );
}
