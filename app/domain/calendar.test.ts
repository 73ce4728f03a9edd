import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { calendarText, escapeText, foldLine, quoteParam, utcDateTime, type CalendarEvent } from "./calendar";

const event: CalendarEvent = {
  uid: "interview-42@hiring.example.com",
  sequence: 0,
  method: "REQUEST",
  start: new Date("2026-11-20T10:00:00Z"),
  end: new Date("2026-11-20T10:45:00Z"),
  stamp: new Date("2026-11-01T08:30:15.250Z"),
  summary: "Screen: Zoë Núñez, Staff ML Engineer; panel",
  description:
    "Interview kit: https://hiring.example.com/interviews/42\nScorecard: https://hiring.example.com/interviews/42/scorecard\n" +
    "A long line of text that goes on past seventy-five octets, with commas, semicolons; and a back\\slash.",
  url: "https://hiring.example.com/interviews/42",
  organizer: { name: "AI Talent Scorecards", email: "hiring@example.com" },
  attendees: [{ name: 'Sam "the judge" Okafor, PhD', email: "sam@example.com" }],
};

describe("escapeText", () => {
  it("escapes backslash, semicolon, comma and line breaks", () => {
    expect(escapeText("a\\b;c,d\ne\r\nf")).toBe("a\\\\b\\;c\\,d\\ne\\nf");
  });
});

describe("quoteParam", () => {
  it("quotes a name and drops what a parameter cannot hold", () => {
    expect(quoteParam('Okafor, Sam "S"\n')).toBe("\"Okafor, Sam 'S' \"");
  });
});

describe("utcDateTime", () => {
  it("writes a UTC date-time without separators or milliseconds", () => {
    expect(utcDateTime(new Date("2026-11-01T08:30:15.250Z"))).toBe("20261101T083015Z");
  });
});

describe("foldLine", () => {
  it("leaves a short line alone", () => {
    expect(foldLine("SUMMARY:short")).toBe("SUMMARY:short");
  });

  it("folds at 75 octets and never splits a character", () => {
    const line = `DESCRIPTION:${"é".repeat(100)}`;
    const folded = foldLine(line).split("\r\n");
    const bytes = (s: string) => new TextEncoder().encode(s).length;
    expect(folded.length).toBeGreaterThan(2);
    for (const l of folded) expect(bytes(l)).toBeLessThanOrEqual(75);
    expect(folded.slice(1).every((l) => l.startsWith(" "))).toBe(true);
    expect(folded.map((l, i) => (i === 0 ? l : l.slice(1))).join("")).toBe(line);
  });
});

describe("calendarText", () => {
  const text = calendarText(event);

  it("ends every line with CRLF and folds long ones", () => {
    expect(text.endsWith("\r\n")).toBe(true);
    expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    for (const l of text.split("\r\n")) expect(new TextEncoder().encode(l).length).toBeLessThanOrEqual(75);
  });

  it("parses back with ical.js to the same event", () => {
    const calendar = new ICAL.Component(ICAL.parse(text));
    expect(calendar.getFirstPropertyValue("method")).toBe("REQUEST");
    const vevent = new ICAL.Event(calendar.getFirstSubcomponent("vevent")!);
    expect(vevent.uid).toBe(event.uid);
    expect(vevent.sequence).toBe(0);
    expect(vevent.summary).toBe(event.summary);
    expect(vevent.description).toBe(event.description);
    expect(vevent.startDate.toJSDate().toISOString()).toBe("2026-11-20T10:00:00.000Z");
    expect(vevent.endDate.toJSDate().toISOString()).toBe("2026-11-20T10:45:00.000Z");
    expect(vevent.organizer).toBe("mailto:hiring@example.com");
    const attendee = vevent.attendees[0];
    expect(attendee.getFirstValue()).toBe("mailto:sam@example.com");
    expect(attendee.getParameter("cn")).toBe("Sam 'the judge' Okafor, PhD");
  });

  it("writes a cancellation with the same UID", () => {
    const calendar = new ICAL.Component(ICAL.parse(calendarText({ ...event, method: "CANCEL", sequence: 1 })));
    expect(calendar.getFirstPropertyValue("method")).toBe("CANCEL");
    const vevent = calendar.getFirstSubcomponent("vevent")!;
    expect(vevent.getFirstPropertyValue("uid")).toBe(event.uid);
    expect(vevent.getFirstPropertyValue("status")).toBe("CANCELLED");
    expect(vevent.getFirstPropertyValue("sequence")).toBe(1);
  });
});
