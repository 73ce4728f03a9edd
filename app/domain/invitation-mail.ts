// The words of an interview invitation: subject, plain text and HTML, from
// what the panelist may see (the candidate's shown name, never pay or
// findings). Pure; queued by app/models/interview-mail.server.ts.
import { readerZone, zoneAbbreviation } from "./dates";

export type InvitationFacts = {
  recipientName: string;
  /** The name the recipient may see: an anonymous candidate's alias for a blind grader. */
  shownName: string;
  roleTitle: string;
  kindLabel: string;
  startsAt: Date;
  endsAt: Date;
  kitUrl: string;
  scorecardUrl: string;
  /** The reader's time zone (IANA); UTC when they have none. */
  timeZone?: string | null;
  /** Why it was cancelled, when the canceller said. */
  reason?: string | null;
};

export type MailContent = { subject: string; text: string; html: string };

/** Text for HTML element content and attribute values. */
export function escapeHtml(value: string): string {
  return value.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!,
  );
}

/**
 * "Friday, November 20, 2026, 10:00 AM – 10:30 AM UTC": the day and both times in the reader's zone
 * (`readerZone`: UTC when they have none), with the zone's abbreviation at the end as `formatMoment` writes it.
 */
export function formatInterviewTime(start: Date, end: Date, timeZone?: string | null): string {
  const zone = readerZone(timeZone);
  const day = start.toLocaleDateString("en-US", { dateStyle: "full", timeZone: zone });
  const time = (d: Date) => d.toLocaleTimeString("en-US", { hour: "numeric", minute: "2-digit", timeZone: zone });
  return `${day}, ${time(start)} – ${time(end)} ${zoneAbbreviation(end, zone)}`;
}

/** What became of the interview for this recipient: newly on it, moved or changed, or off it (cancelled or removed). */
export type InterviewChange = "invitation" | "update" | "cancel" | "removed";

const subjectPrefix: Record<InterviewChange, string> = {
  invitation: "Interview",
  update: "Interview moved",
  cancel: "Interview cancelled",
  removed: "No longer on the panel",
};

function changeLines(facts: InvitationFacts, change: InterviewChange, when: string): string[] {
  const what = `a ${facts.kindLabel.toLowerCase()} with ${facts.shownName} for ${facts.roleTitle}`;
  switch (change) {
    case "invitation":
      return [`You are on the panel for ${what}.`, "", `When: ${when}`];
    case "update":
      return [`The ${what} has changed. You are on its panel.`, "", `When (new): ${when}`];
    case "cancel":
      return [
        `The ${what} is cancelled. No scorecard is needed.`,
        ...(facts.reason ? ["", `Reason: ${facts.reason}`] : []),
        "",
        `It was: ${when}`,
      ];
    case "removed":
      return [`You are no longer on the panel for ${what}. No scorecard is needed from you.`, "", `It is: ${when}`];
  }
}

export function interviewInvitation(facts: InvitationFacts & { change?: InterviewChange }): MailContent {
  const change = facts.change ?? "invitation";
  const when = formatInterviewTime(facts.startsAt, facts.endsAt, facts.timeZone);
  const subject = `${subjectPrefix[change]}: ${facts.kindLabel} with ${facts.shownName} (${facts.roleTitle})`;
  const onPanel = change === "invitation" || change === "update";
  const body = changeLines(facts, change, when);
  const text = [
    `Hello ${facts.recipientName},`,
    "",
    ...body,
    "",
    ...(onPanel
      ? [
          `Interview kit: ${facts.kitUrl}`,
          `Your scorecard: ${facts.scorecardUrl}`,
          "",
          "Fill in your scorecard right after the interview, before you read the panel's.",
          "The attached calendar invitation adds the interview to your calendar.",
        ]
      : ["The attached calendar cancellation removes it from your calendar."]),
  ].join("\n");
  const e = escapeHtml;
  const paragraphs = body
    .filter((line) => line !== "")
    .map((line) => {
      const label = line.match(/^(When|When \(new\)|It was|It is|Reason): (.*)$/);
      if (label) return `<p><strong>${e(label[1])}:</strong> ${e(label[2])}</p>`;
      return `<p>${e(line).replace(e(facts.shownName), `<strong>${e(facts.shownName)}</strong>`)}</p>`;
    });
  const html = [
    "<!doctype html>",
    '<html lang="en"><body style="font-family: system-ui, sans-serif; line-height: 1.5">',
    `<p>Hello ${e(facts.recipientName)},</p>`,
    ...paragraphs,
    ...(onPanel
      ? [
          `<p><a href="${e(facts.kitUrl)}">Open the interview kit</a> · <a href="${e(facts.scorecardUrl)}">Open your scorecard</a></p>`,
          "<p>Fill in your scorecard right after the interview, before you read the panel's.</p>",
        ]
      : []),
    "</body></html>",
  ].join("\n");
  return { subject, text, html };
}
