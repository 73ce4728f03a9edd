// Webhooks' vocabulary: the events an endpoint can subscribe to and where a
// delivery is in its life. An event is thin: its type, its id, when it happened
// and the ids of the records it concerns, never a person's data.

export const webhookEventTypes = [
  "application.stage_moved",
  "decision.recorded",
  "offer.approved",
  "check.changed",
] as const;
export type WebhookEventType = (typeof webhookEventTypes)[number];

/** The test ping sent when an endpoint is registered; not subscribable. */
export const webhookPing = "ping" as const;

export const webhookEventLabels: Record<WebhookEventType, string> = {
  "application.stage_moved": "An application moved stage",
  "decision.recorded": "A decision was recorded",
  "offer.approved": "An offer was approved",
  "check.changed": "A compliance check changed",
};

export const webhookDeliveryStatuses = ["queued", "delivered", "failed"] as const;
export type WebhookDeliveryStatus = (typeof webhookDeliveryStatuses)[number];
