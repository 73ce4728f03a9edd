import { describe, expect, it } from "vitest";
import { approvalRequest, dailyDigest, localHourAndDay, scorecardReminder, withMailFooter } from "./notification-mail";

describe("withMailFooter", () => {
  const links = {
    appUrl: "https://hiring.example.com/",
    unsubscribeUrl: "https://hiring.example.com/unsubscribe?token=1.x",
  };

  it("ends the text and the HTML with the app's link and the unsubscribe link", () => {
    const mail = withMailFooter({ subject: "S", text: "Body", html: "<html><body><p>Body</p></body></html>" }, links);
    expect(mail.text).toBe(
      "Body\n\n--\nAI Talent Scorecards: https://hiring.example.com/\nStop the daily digest: https://hiring.example.com/unsubscribe?token=1.x",
    );
    expect(mail.html).toMatch(
      /<a href="https:\/\/hiring.example.com\/unsubscribe\?token=1.x">Stop the daily digest<\/a><\/p>\n<\/body>/,
    );
  });
});

describe("localHourAndDay", () => {
  it("reads the hour and the day in the zone, across the date line", () => {
    const at = new Date("2026-12-07T23:30:00Z");
    expect(localHourAndDay(at, "UTC")).toEqual({ hour: 23, day: "2026-12-07" });
    expect(localHourAndDay(at, "Asia/Tokyo")).toEqual({ hour: 8, day: "2026-12-08" });
    expect(localHourAndDay(at, "America/Los_Angeles")).toEqual({ hour: 15, day: "2026-12-07" });
  });
});

describe("dailyDigest", () => {
  it("is nothing when nothing waits", () => {
    expect(dailyDigest({ recipientName: "Sam", localDay: "2026-12-07", sections: [] })).toBeNull();
    expect(
      dailyDigest({
        recipientName: "Sam",
        localDay: "2026-12-07",
        sections: [{ title: "Scorecards due", total: 0, items: [] }],
      }),
    ).toBeNull();
  });

  it("lists each section with its count and links, and says how many more", () => {
    const mail = dailyDigest({
      recipientName: "Sam",
      localDay: "2026-12-07",
      sections: [
        {
          title: "Scorecards overdue",
          total: 3,
          items: [{ label: "Screen with A <B>", url: "https://x/1" }],
          moreUrl: "https://x/all",
        },
        { title: "Take-homes to grade", total: 0, items: [] },
      ],
    })!;
    expect(mail.subject).toBe("Waiting for you: 3 things (2026-12-07)");
    expect(mail.text).toContain(
      "Scorecards overdue (3)\n- Screen with A <B>: https://x/1\n- and 2 more: https://x/all",
    );
    expect(mail.text).not.toContain("Take-homes");
    expect(mail.html).toContain("Screen with A &lt;B&gt;");
  });
});

describe("the words of reminders and approvals", () => {
  it("shows the end in the reader's zone", () => {
    const mail = scorecardReminder({
      recipientName: "Sam",
      shownName: "Candidate Heron",
      roleTitle: "Support Copilot",
      kindLabel: "Screen",
      endsAt: new Date("2026-12-07T18:00:00Z"),
      scorecardUrl: "https://x/interviews/1/scorecard",
      timeZone: "America/Los_Angeles",
      state: "overdue",
    });
    expect(mail.subject).toBe("Scorecard overdue: Screen with Candidate Heron (Support Copilot)");
    expect(mail.text).toContain("ended Dec 7, 2026, 10:00 AM PST.");
  });

  it("asks for an approval without any terms", () => {
    const mail = approvalRequest({
      recipientName: "Priya",
      shownName: "Ada L.",
      roleTitle: "Evals",
      askedBy: "Dana",
      approvalsUrl: "https://x/approvals",
      newTerms: true,
    });
    expect(mail.text).toContain("An offer for Ada L. on Evals waits for your approval (asked by Dana).");
    expect(mail.text).not.toMatch(/\d{3}/);
  });
});
