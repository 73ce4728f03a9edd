// The words of the app's other messages: scorecard reminders, the daily
// digest, offer approvals and decisions, and the footer every message to a
// user ends with (a link back into the app and one to stop the digest). Pure:
// each takes what its recipient may see (shown names, never pay or findings)
// and times already in the recipient's zone; queued by the models that cause them.
import { formatMoment } from "./dates";
import { escapeHtml as e, type MailContent } from "./invitation-mail";

export type MailFooterLinks = { appUrl: string; unsubscribeUrl: string };

/** The footer: the app's address, and the one-click page that turns the daily digest off. */
export function withMailFooter(content: MailContent, links: MailFooterLinks): MailContent {
  const text = [
    content.text,
    "",
    "--",
    `AI Talent Scorecards: ${links.appUrl}`,
    `Stop the daily digest: ${links.unsubscribeUrl}`,
  ].join("\n");
  const footer =
    '<hr><p style="color: #555; font-size: 0.9em">' +
    `<a href="${e(links.appUrl)}">AI Talent Scorecards</a> · ` +
    `<a href="${e(links.unsubscribeUrl)}">Stop the daily digest</a></p>`;
  const html = content.html.includes("</body>")
    ? content.html.replace("</body>", `${footer}\n</body>`)
    : `${content.html}\n${footer}`;
  return { subject: content.subject, text, html };
}

function page(lines: string[]): string {
  return [
    "<!doctype html>",
    '<html lang="en"><body style="font-family: system-ui, sans-serif; line-height: 1.5">',
    ...lines,
    "</body></html>",
  ].join("\n");
}

export type ReminderFacts = {
  recipientName: string;
  shownName: string;
  roleTitle: string;
  kindLabel: string;
  endsAt: Date;
  scorecardUrl: string;
  timeZone: string | null;
  /** due: the interview has ended; overdue: past the 24 hours a scorecard is due in. */
  state: "due" | "overdue";
};

export function scorecardReminder(f: ReminderFacts): MailContent {
  const ended = formatMoment(f.endsAt, f.timeZone);
  const what = `${f.kindLabel} with ${f.shownName} (${f.roleTitle})`;
  const subject = f.state === "due" ? `Scorecard due: ${what}` : `Scorecard overdue: ${what}`;
  const ask =
    f.state === "due"
      ? "The interview has ended: please fill in your scorecard while it is fresh, within 24 hours."
      : "Your scorecard is more than 24 hours late. The hiring decision waits for it.";
  const text = [
    `Hello ${f.recipientName},`,
    "",
    `${f.kindLabel} with ${f.shownName} for ${f.roleTitle}, ended ${ended}.`,
    ask,
    "",
    `Your scorecard: ${f.scorecardUrl}`,
  ].join("\n");
  const html = page([
    `<p>Hello ${e(f.recipientName)},</p>`,
    `<p>${e(f.kindLabel)} with <strong>${e(f.shownName)}</strong> for ${e(f.roleTitle)}, ended ${e(ended)}.</p>`,
    `<p>${e(ask)}</p>`,
    `<p><a href="${e(f.scorecardUrl)}">Open your scorecard</a></p>`,
  ]);
  return { subject, text, html };
}

export type DigestItem = { label: string; url: string };
export type DigestSection = { title: string; total: number; items: DigestItem[]; moreUrl?: string };

/** Sections with nothing in them are left out; with none left there is no digest (null). */
export function dailyDigest(input: {
  recipientName: string;
  localDay: string;
  sections: DigestSection[];
}): MailContent | null {
  const sections = input.sections.filter((s) => s.total > 0);
  if (sections.length === 0) return null;
  const count = sections.reduce((n, s) => n + s.total, 0);
  const subject = `Waiting for you: ${count} ${count === 1 ? "thing" : "things"} (${input.localDay})`;
  const textSections = sections.flatMap((s) => [
    "",
    `${s.title} (${s.total})`,
    ...s.items.map((i) => `- ${i.label}: ${i.url}`),
    ...(s.total > s.items.length && s.moreUrl ? [`- and ${s.total - s.items.length} more: ${s.moreUrl}`] : []),
  ]);
  const text = [`Hello ${input.recipientName},`, "", "Here is what waits for you today.", ...textSections].join("\n");
  const html = page([
    `<p>Hello ${e(input.recipientName)},</p>`,
    "<p>Here is what waits for you today.</p>",
    ...sections.flatMap((s) => [
      `<h2 style="font-size: 1.05em">${e(s.title)} (${s.total})</h2>`,
      "<ul>",
      ...s.items.map((i) => `<li><a href="${e(i.url)}">${e(i.label)}</a></li>`),
      ...(s.total > s.items.length && s.moreUrl
        ? [`<li><a href="${e(s.moreUrl)}">and ${s.total - s.items.length} more</a></li>`]
        : []),
      "</ul>",
    ]),
  ]);
  return { subject, text, html };
}

/** An approver is asked to look at an offer: who and which role, never its terms (they read those signed in). */
export function approvalRequest(f: {
  recipientName: string;
  shownName: string;
  roleTitle: string;
  askedBy: string | null;
  approvalsUrl: string;
  newTerms: boolean;
}): MailContent {
  const subject = `Offer approval: ${f.shownName} (${f.roleTitle})`;
  const lead = f.newTerms
    ? `An offer for ${f.shownName} on ${f.roleTitle} waits for your approval${f.askedBy ? ` (asked by ${f.askedBy})` : ""}.`
    : `An offer for ${f.shownName} on ${f.roleTitle} waits for your approval.`;
  const text = [
    `Hello ${f.recipientName},`,
    "",
    lead,
    "Its terms are on the approvals page, for those who may see them.",
    "",
    `Your approvals: ${f.approvalsUrl}`,
  ].join("\n");
  const html = page([
    `<p>Hello ${e(f.recipientName)},</p>`,
    `<p>${e(lead)}</p>`,
    "<p>Its terms are on the approvals page, for those who may see them.</p>",
    `<p><a href="${e(f.approvalsUrl)}">Open your approvals</a></p>`,
  ]);
  return { subject, text, html };
}

/** The hiring manager hears where an offer's approval came out. */
export function approvalOutcome(f: {
  recipientName: string;
  shownName: string;
  roleTitle: string;
  outcome: "approved" | "declined";
  offerUrl: string;
}): MailContent {
  const subject = `Offer ${f.outcome}: ${f.shownName} (${f.roleTitle})`;
  const lead =
    f.outcome === "approved"
      ? `The offer for ${f.shownName} on ${f.roleTitle} is approved: it may go out.`
      : `The offer for ${f.shownName} on ${f.roleTitle} was declined by an approver: edit its terms to ask again.`;
  const text = [`Hello ${f.recipientName},`, "", lead, "", `The offer: ${f.offerUrl}`].join("\n");
  const html = page([
    `<p>Hello ${e(f.recipientName)},</p>`,
    `<p>${e(lead)}</p>`,
    `<p><a href="${e(f.offerUrl)}">Open the offer</a></p>`,
  ]);
  return { subject, text, html };
}

/** The hiring manager hears that a decision was recorded on one of their roles, and by whom. */
export function decisionRecorded(f: {
  recipientName: string;
  shownName: string;
  roleTitle: string;
  outcomeLabel: string;
  decidedBy: string | null;
  stageLabel: string;
  applicationUrl: string;
}): MailContent {
  const subject = `Decision: ${f.outcomeLabel} for ${f.shownName} (${f.roleTitle})`;
  const lead = `${f.decidedBy ?? "Someone"} recorded a decision at ${f.stageLabel} for ${f.shownName} on ${f.roleTitle}: ${f.outcomeLabel.toLowerCase()}.`;
  const text = [`Hello ${f.recipientName},`, "", lead, "", `The application: ${f.applicationUrl}`].join("\n");
  const html = page([
    `<p>Hello ${e(f.recipientName)},</p>`,
    `<p>${e(lead)}</p>`,
    `<p><a href="${e(f.applicationUrl)}">Open the application</a></p>`,
  ]);
  return { subject, text, html };
}

/**
 * The local hour and day of `now` in a zone, for the digest: it goes out when the
 * hour is the user's digest hour, once per local day.
 */
export function localHourAndDay(now: Date, zone: string): { hour: number; day: string } {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone: zone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
  }).formatToParts(now);
  const n = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return { hour: Number(n("hour")), day: `${n("year")}-${n("month")}-${n("day")}` };
}
