// The words of an interview invitation: subject, plain text and HTML, from
// what the panelist may see (the candidate's shown name, never pay or
// findings). Pure; queued by app/models/interview-mail.server.ts.

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
  /** The reader's time zone (IANA); UTC until users have one. */
  timeZone?: string;
};

export type MailContent = { subject: string; text: string; html: string };

/** Text for HTML element content and attribute values. */
export function escapeHtml(value: string): string {
  return value.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!,
  );
}

/** "Friday, November 20, 2026, 10:00 AM – 10:30 AM UTC": the day, the times, the zone's abbreviation. */
export function formatInterviewTime(start: Date, end: Date, timeZone = "UTC"): string {
  const day = start.toLocaleDateString("en-US", { dateStyle: "full", timeZone });
  const time = (d: Date, zone: boolean) =>
    d.toLocaleTimeString("en-US", {
      hour: "numeric",
      minute: "2-digit",
      timeZone,
      ...(zone ? { timeZoneName: "short" } : {}),
    });
  return `${day}, ${time(start, false)} – ${time(end, true)}`;
}

export function interviewInvitation(facts: InvitationFacts): MailContent {
  const when = formatInterviewTime(facts.startsAt, facts.endsAt, facts.timeZone);
  const subject = `Interview: ${facts.kindLabel} with ${facts.shownName} (${facts.roleTitle})`;
  const text = [
    `Hello ${facts.recipientName},`,
    "",
    `You are on the panel for a ${facts.kindLabel.toLowerCase()} with ${facts.shownName} for ${facts.roleTitle}.`,
    "",
    `When: ${when}`,
    "",
    `Interview kit: ${facts.kitUrl}`,
    `Your scorecard: ${facts.scorecardUrl}`,
    "",
    "Fill in your scorecard right after the interview, before you read the panel's.",
    "The attached calendar invitation adds the interview to your calendar.",
  ].join("\n");
  const e = escapeHtml;
  const html = [
    "<!doctype html>",
    '<html lang="en"><body style="font-family: system-ui, sans-serif; line-height: 1.5">',
    `<p>Hello ${e(facts.recipientName)},</p>`,
    `<p>You are on the panel for a ${e(facts.kindLabel.toLowerCase())} with <strong>${e(facts.shownName)}</strong> for ${e(facts.roleTitle)}.</p>`,
    `<p><strong>When:</strong> ${e(when)}</p>`,
    `<p><a href="${e(facts.kitUrl)}">Open the interview kit</a> · <a href="${e(facts.scorecardUrl)}">Open your scorecard</a></p>`,
    "<p>Fill in your scorecard right after the interview, before you read the panel's.</p>",
    "</body></html>",
  ].join("\n");
  return { subject, text, html };
}
