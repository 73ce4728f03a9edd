import { describe, expect, it } from "vitest";
import { escapeHtml, formatInterviewTime, interviewInvitation } from "./invitation-mail";

const facts = {
  recipientName: "Sam Okafor",
  shownName: "Candidate <Blue Heron>",
  roleTitle: "Support Copilot & Evals",
  kindLabel: "Technical deep dive",
  startsAt: new Date("2026-11-20T10:00:00Z"),
  endsAt: new Date("2026-11-20T10:45:00Z"),
  kitUrl: "https://hiring.example.com/interviews/7",
  scorecardUrl: "https://hiring.example.com/interviews/7/scorecard",
};

describe("formatInterviewTime", () => {
  it("writes the day, both times and the zone's abbreviation", () => {
    expect(formatInterviewTime(facts.startsAt, facts.endsAt)).toBe(
      "Friday, November 20, 2026, 10:00 AM – 10:45 AM UTC",
    );
  });
});

describe("escapeHtml", () => {
  it("escapes markup and quotes", () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
  });
});

describe("interviewInvitation", () => {
  const mail = interviewInvitation(facts);

  it("names the interview, the shown name and the role in the subject", () => {
    expect(mail.subject).toBe("Interview: Technical deep dive with Candidate <Blue Heron> (Support Copilot & Evals)");
  });

  it("gives when, the kit link and the scorecard link in the text", () => {
    expect(mail.text).toContain("When: Friday, November 20, 2026, 10:00 AM – 10:45 AM UTC");
    expect(mail.text).toContain(`Interview kit: ${facts.kitUrl}`);
    expect(mail.text).toContain(`Your scorecard: ${facts.scorecardUrl}`);
  });

  it("escapes names in the HTML and links both pages", () => {
    expect(mail.html).toContain("<strong>Candidate &lt;Blue Heron&gt;</strong> for Support Copilot &amp; Evals");
    expect(mail.html).not.toContain("<Blue Heron>");
    expect(mail.html).toContain(`<a href="${facts.scorecardUrl}">Open your scorecard</a>`);
    expect(mail.html).toContain(`<a href="${facts.kitUrl}">Open the interview kit</a>`);
  });
});
