// iCalendar (RFC 5545, with RFC 5546's METHOD) for interview invitations,
// written by hand: text escaped, parameters quoted, lines folded at 75 octets
// without splitting a character, CRLF line ends. Pure.

export type CalendarPerson = { name: string; email: string };

export type CalendarEvent = {
  /** Stable per interview: every update or cancellation of it carries the same UID. */
  uid: string;
  /** 0 for the first invitation; each change sends a higher one. */
  sequence: number;
  method: "REQUEST" | "CANCEL";
  start: Date;
  end: Date;
  /** When this copy was written (DTSTAMP). */
  stamp: Date;
  summary: string;
  description: string;
  url: string;
  organizer: CalendarPerson;
  attendees: CalendarPerson[];
};

/** A TEXT value: backslash, semicolon and comma escaped, line breaks as \n. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\r\n|\r|\n/g, "\\n");
}

/** A parameter value (CN=...): quoted, since names hold commas and colons; a double quote cannot appear at all. */
export function quoteParam(value: string): string {
  return `"${value.replace(/[\r\n"]/g, (c) => (c === '"' ? "'" : " "))}"`;
}

/** A UTC date-time: 20261120T100000Z. */
export function utcDateTime(moment: Date): string {
  return moment
    .toISOString()
    .replace(/\.\d{3}Z$/, "Z")
    .replace(/[-:]/g, "");
}

const encoder = new TextEncoder();

/** One content line folded into lines of at most 75 octets, continuation lines starting with a space. */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = "";
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    // The first line holds 75 octets; continuations 74 after their leading space.
    const limit = parts.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      parts.push(current);
      current = "";
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join("\r\n ");
}

const mailto = (email: string) => `mailto:${email.replace(/[\r\n]/g, "")}`;

/** The .ics text of one event with its METHOD (REQUEST or CANCEL). */
export function calendarText(event: CalendarEvent): string {
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//AI Talent Scorecards//Interviews//EN",
    "CALSCALE:GREGORIAN",
    `METHOD:${event.method}`,
    "BEGIN:VEVENT",
    `UID:${event.uid}`,
    `SEQUENCE:${event.sequence}`,
    `DTSTAMP:${utcDateTime(event.stamp)}`,
    `DTSTART:${utcDateTime(event.start)}`,
    `DTEND:${utcDateTime(event.end)}`,
    `SUMMARY:${escapeText(event.summary)}`,
    `DESCRIPTION:${escapeText(event.description)}`,
    `URL:${event.url}`,
    `STATUS:${event.method === "CANCEL" ? "CANCELLED" : "CONFIRMED"}`,
    `ORGANIZER;CN=${quoteParam(event.organizer.name)}:${mailto(event.organizer.email)}`,
    ...event.attendees.map(
      (a) =>
        `ATTENDEE;CN=${quoteParam(a.name)};ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=FALSE:${mailto(a.email)}`,
    ),
    "END:VEVENT",
    "END:VCALENDAR",
  ];
  return lines.map(foldLine).join("\r\n") + "\r\n";
}
