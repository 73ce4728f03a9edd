// The CSV import keeps the good rows and gives back the bad: rows with errors first in the preview, line numbers
// as the file numbers them (quoted cells holding line breaks, blank lines), the rejected rows as a CSV with their
// reasons that imports again once fixed, a template, everyone imported added to a role in the same transaction,
// and what was imported confirmed on the page it lands on.
import Papa from "papaparse";
import { and, eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { csvColumns, MAX_IMPORT_ROWS } from "~/schemas/candidate";
import * as candidatesList from "~/routes/candidates._index";
import * as importRoute from "~/routes/candidates.import";
import * as importFiles from "~/routes/candidates.import[.csv]";
import { countRows, getDb, schema } from "~/utils/db.server";
import { cookieFor, get, invoke, latestAudit, post, roleIdByTitle, totalChanges } from "../support/http";

const header = "name,email,phone,notes,source";
// Line 1 the header; a record's notes run over three lines (2-4); a blank line (5); a bad email on 6; a good row
// on 7 whose notes take two lines (7-8); a row on 9 repeating line 2's email; a formula-like phone on 10.
const mixed = [
  header,
  'Ada Obi,ada.mixed@example.com,,"Strong on evals.',
  "Wrote the harness.",
  'Ask about RAG.",sourced',
  "",
  "Bad Email,not-an-email,,,sourced",
  'Chidi Okafor,chidi.mixed@example.com,+44 20 7946 0000,"Two',
  'lines",referral',
  "Ada Again,ADA.MIXED@example.com,,,sourced",
  "=Formula,,+1 555 0100,,sourced",
].join("\n");

type Preview = {
  formError: string | null;
  check: { fileErrors: string[]; rowCount: number; badCount: number; rows: { line: number; errors: string[] }[] };
};

const role = () => roleIdByTitle("Senior AI Engineer, Support Copilot");

describe("importing the good rows of a mixed file", () => {
  it("previews errors first with the file's own line numbers, and gives the rejected rows back as a CSV", async () => {
    const cookie = await cookieFor("priya@northwind.test");
    const preview = await invoke(
      importRoute.action,
      post("/candidates/import", { intent: "preview", csv: mixed }, { cookie }),
    );
    const check = (preview.data as Preview).check;
    expect(check).toMatchObject({ fileErrors: [], rowCount: 5, badCount: 3 });
    // In file order (the page lists those with errors first).
    expect(check.rows.map((r) => [r.line, r.errors.length > 0])).toEqual([
      [2, false],
      [6, true],
      [7, false],
      [9, true],
      [10, true],
    ]);
    expect(check.rows[3].errors.join()).toMatch(/same email is on line 2/);

    const before = totalChanges();
    const rejected = await invoke(
      importFiles.action,
      post("/candidates/import.csv", { intent: "rejected", csv: mixed }, { cookie }),
    );
    expect(rejected.status).toBe(200);
    expect(rejected.headers.get("Content-Disposition")).toMatch(/attachment; filename="candidates-rejected.csv"/);
    expect(totalChanges()).toBe(before);
    const parsed = Papa.parse<Record<string, string>>((rejected.data as string).replace(/^\uFEFF/, ""), {
      header: true,
      skipEmptyLines: true,
    });
    expect(parsed.meta.fields).toEqual(["line", "problems", "name", "email", "phone", "notes", "source"]);
    expect(parsed.data.map((r) => [r.line, r.name, r.email, r.phone])).toEqual([
      ["6", "Bad Email", "not-an-email", ""],
      ["9", "Ada Again", "ADA.MIXED@example.com", ""],
      // Made safe for spreadsheets: a leading = or + gets an apostrophe.
      ["10", "'=Formula", "", "'+1 555 0100"],
    ]);
    expect(parsed.data[0].problems).toMatch(/^email: /);
    expect(parsed.data[2].problems).toMatch(/email: Email is required/);

    // Fixed in the file as it came back (the two added columns stay), it imports as it was meant.
    const fixed = (rejected.data as string)
      .replace("not-an-email", "bad.fixed@example.com")
      .replace("ADA.MIXED@example.com", "ada.again@example.com")
      .replace("'=Formula,,", "'=Formula,formula@example.com,");
    const again = await invoke(
      importRoute.action,
      post("/candidates/import", { intent: "preview", csv: fixed }, { cookie }),
    );
    expect((again.data as Preview).check).toMatchObject({ fileErrors: [], rowCount: 3, badCount: 0 });
    const out = await invoke(
      importRoute.action,
      post("/candidates/import", { intent: "import", csv: fixed }, { cookie }),
    );
    expect(out.status).toBe(302);
    const formula = getDb()
      .select()
      .from(schema.candidates)
      .where(eq(schema.candidates.email, "formula@example.com"))
      .get();
    expect(formula).toMatchObject({ name: "=Formula", phone: "+1 555 0100" });
  });

  it("imports only the ready rows, adds each to the role in the same transaction, and says so where it lands", async () => {
    const cookie = await cookieFor("priya@northwind.test");
    const csv = mixed.replace(/mixed@/gi, "landed@");
    // The whole file or nothing: refused, nothing written.
    const before = totalChanges();
    const whole = await invoke(importRoute.action, post("/candidates/import", { intent: "import", csv }, { cookie }));
    expect(whole.status).toBe(400);
    expect((whole.data as Preview).formError).toMatch(/^Nothing was imported: 3 rows have errors/);
    expect(totalChanges()).toBe(before);

    const applicationsBefore = countRows(schema.applications);
    const out = await invoke(
      importRoute.action,
      post(
        "/candidates/import",
        { intent: "import-ready", csv, roleId: String(role()), stage: "screening" },
        { cookie },
      ),
    );
    expect(out.status).toBe(302);
    expect(out.location).toBe(`/candidates?imported=2&skipped=3&role=${role()}&stage=screening`);
    const people = getDb()
      .select({ id: schema.candidates.id, name: schema.candidates.name, notes: schema.candidates.notes })
      .from(schema.candidates)
      .where(inArray(schema.candidates.email, ["ada.landed@example.com", "chidi.landed@example.com"]))
      .all();
    expect(people.map((p) => p.name).sort()).toEqual(["Ada Obi", "Chidi Okafor"]);
    // (A form sends its line breaks as CRLF.)
    expect(people.find((p) => p.name === "Ada Obi")!.notes).toMatch(/^Strong on evals.\r?\nWrote the harness.\r?\nAsk/);
    expect(countRows(schema.applications)).toBe(applicationsBefore + 2);
    const applications = getDb()
      .select()
      .from(schema.applications)
      .where(
        and(
          eq(schema.applications.roleId, role()),
          inArray(
            schema.applications.candidateId,
            people.map((p) => p.id),
          ),
        ),
      )
      .all();
    expect(applications.map((a) => a.stage)).toEqual(["screening", "screening"]);
    const history = getDb()
      .select()
      .from(schema.stageHistory)
      .where(
        inArray(
          schema.stageHistory.applicationId,
          applications.map((a) => a.id),
        ),
      )
      .all();
    expect(history.map((h) => [h.fromStage, h.toStage])).toEqual([
      [null, "screening"],
      [null, "screening"],
    ]);
    // Logged as the import and as each application added, never who.
    const entries = latestAudit(3);
    expect(entries.map((e) => e.action)).toEqual(["csv.import", "application.create", "application.create"]);
    expect(entries[0].detail).toEqual({ report: "candidates", rows: 2, format: "csv", rejected: 3 });
    expect(
      entries
        .slice(1)
        .map((e) => e.applicationId)
        .sort(),
    ).toEqual(applications.map((a) => a.id).sort());

    const landing = await invoke(candidatesList.loader, get(out.location!, cookie));
    expect((landing.data as { imported: unknown }).imported).toEqual({
      imported: 2,
      skipped: 3,
      role: { id: role(), title: "Senior AI Engineer, Support Copilot" },
      stage: "screening",
    });
    // The same address names no role to someone who may not read every role, and says nothing to a non-importer.
    const dana = await invoke(candidatesList.loader, get(out.location!, await cookieFor("dana@northwind.test")));
    expect((dana.data as { imported: unknown }).imported).toBeNull();
  });

  it("refuses a role that does not exist and a stage past the start, writing nothing", async () => {
    const cookie = await cookieFor("priya@northwind.test");
    const before = totalChanges();
    for (const [fields, field] of [
      [{ roleId: "999999" }, "roleId"],
      [{ roleId: String(role()), stage: "offer" }, "stage"],
    ] as const) {
      const out = await invoke(
        importRoute.action,
        post("/candidates/import", { intent: "import-ready", csv: mixed, ...fields }, { cookie }),
      );
      expect(out.status).toBe(400);
      expect(Object.keys((out.data as { fieldErrors: object }).fieldErrors)).toEqual([field]);
    }
    expect(totalChanges()).toBe(before);
  });

  it("offers a template with every column, which holds no one", async () => {
    const cookie = await cookieFor("priya@northwind.test");
    const template = await invoke(importFiles.loader, get("/candidates/import.csv", cookie));
    expect(template.status).toBe(200);
    expect(template.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect((template.data as string).replace(/^\uFEFF/, "").trim()).toBe(csvColumns.join(","));
    const out = await invoke(
      importRoute.action,
      post("/candidates/import", { intent: "preview", csv: template.data as string }, { cookie }),
    );
    expect((out.data as Preview).check.fileErrors).toEqual(["The file has no candidate rows."]);
  });
});

describe("a 10,000-row file with bad rows", { timeout: 180_000 }, () => {
  it("goes in but for its bad rows, everyone added to the role, line numbers right past quoted line breaks", async () => {
    const cookie = await cookieFor("priya@northwind.test");
    const lines = [header];
    for (let i = 0; i < MAX_IMPORT_ROWS; i++) {
      const email = i === 4_000 || i === 9_999 ? "nope" : `bulk.${i}@import.example`;
      // Every tenth row's notes hold a line break, so the file has more lines than rows.
      lines.push(`Bulk Person ${i},${email},,${i % 10 === 0 ? '"first\nsecond"' : "note"},sourced`);
    }
    const csv = lines.join("\n");
    const preview = await invoke(
      importRoute.action,
      post("/candidates/import", { intent: "preview", csv }, { cookie }),
    );
    const check = (preview.data as Preview).check;
    expect(check).toMatchObject({ rowCount: MAX_IMPORT_ROWS, badCount: 2 });
    // Row i starts on line 2 + i + (rows before it holding a break: those at 0, 10, ..., below i).
    const lineOf = (i: number) => 2 + i + Math.ceil(i / 10);
    expect(check.rows.filter((r) => r.errors.length).map((r) => r.line)).toEqual([lineOf(4_000), lineOf(9_999)]);
    expect(csv.split("\n")[lineOf(4_000) - 1]).toMatch(/^Bulk Person 4000,nope/);

    const before = countRows(schema.candidates);
    const applicationsBefore = countRows(schema.applications);
    const out = await invoke(
      importRoute.action,
      post("/candidates/import", { intent: "import-ready", csv, roleId: String(role()) }, { cookie }),
    );
    expect(out.status).toBe(302);
    expect(out.location).toBe(`/candidates?imported=${MAX_IMPORT_ROWS - 2}&skipped=2&role=${role()}&stage=sourced`);
    expect(countRows(schema.candidates)).toBe(before + MAX_IMPORT_ROWS - 2);
    expect(countRows(schema.applications)).toBe(applicationsBefore + MAX_IMPORT_ROWS - 2);
  });
});
