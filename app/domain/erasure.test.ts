import { describe, expect, it } from "vitest";
import {
  confirmsName,
  ERASED_MARKER,
  erasureRefusal,
  identifierPatterns,
  redactJson,
  redactText,
  type ErasureBlockers,
} from "./erasure";

const ids = {
  name: "Zoë Ñúñez-Petrova",
  email: "zoe.nunez@mail.example",
  phone: "+44 20 7946 0958",
  urls: ["https://github.com/zoenunez"],
};
const patterns = identifierPatterns(ids);

describe("redacting a person from what others wrote", () => {
  it("replaces the full name, each part of it, the email, the phone however spaced, and their links", () => {
    const text =
      "Zoë Ñúñez-Petrova was sharp; zoë explained RAG well. Petrova's email zoe.nunez@mail.example, " +
      "call (+44) 2079460958 or 020-7946-0958? Code: https://github.com/zoenunez/repo";
    const out = redactText(text, patterns)!;
    for (const gone of ["Zoë", "zoë", "Ñúñez", "Petrova", "zoe.nunez", "7946", "github.com/zoenunez"])
      expect(out).not.toContain(gone);
    expect(out).toContain(ERASED_MARKER);
    expect(out).toContain("explained RAG well");
  });

  it("matches whole words only, so other words that contain a part of the name stay", () => {
    const p = identifierPatterns({ name: "Ann Lee", email: "ann@x.example", phone: null, urls: [] });
    expect(redactText("Ann planned annual leave; Lee's fleet work", p)).toBe(
      `${ERASED_MARKER} planned annual leave; ${ERASED_MARKER}'s fleet work`,
    );
  });

  it("leaves null as null and redacts every string inside JSON", () => {
    expect(redactText(null, patterns)).toBeNull();
    expect(
      redactJson({ evidence: { a: "Zoë did well", n: 3 }, list: ["ok", "zoe.nunez@mail.example"] }, patterns),
    ).toEqual({ evidence: { a: `${ERASED_MARKER} did well`, n: 3 }, list: ["ok", ERASED_MARKER] });
  });
});

describe("when erasure is refused", () => {
  const none: ErasureBlockers = { alreadyErased: false, openApplications: [], offers: [], holds: [] };
  it("allows it with nothing in the way", () => expect(erasureRefusal(none)).toBeNull());
  it("refuses with the reason: open application, offer, legal hold, already erased", () => {
    expect(erasureRefusal({ ...none, openApplications: [{ roleTitle: "RAG Engineer", stage: "final" }] })).toMatch(
      /open application \(RAG Engineer, final\)/,
    );
    expect(erasureRefusal({ ...none, offers: [{ roleTitle: "RAG Engineer", status: "approved" }] })).toMatch(/offer/);
    expect(
      erasureRefusal({
        ...none,
        holds: [
          { reason: "Litigation 2026-14", until: "2027-03-01" },
          { reason: "Audit", until: "2027-09-30" },
        ],
      }),
    ).toMatch(/until 2027-09-30/);
    expect(erasureRefusal({ ...none, alreadyErased: true })).toMatch(/already/);
  });
  it("confirms with the name typed again, whatever its case", () => {
    expect(confirmsName(" zoë ñúñez-petrova ", ids.name)).toBe(true);
    expect(confirmsName("Zoe Nunez-Petrova", ids.name)).toBe(false);
    expect(confirmsName("", "")).toBe(false);
  });
});
