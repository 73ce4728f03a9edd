// A CSV import of 10,000 rows: previewed with a bounded answer (rows with
// errors always among those shown, the file itself not sent back), refused
// whole while any row is bad, then imported in one go and searchable at once.
import { describe, expect, it } from "vitest";
import { MAX_IMPORT_ROWS } from "~/schemas/candidate";
import * as candidatesList from "~/routes/candidates._index";
import * as importRoute from "~/routes/candidates.import";
import { PREVIEW_ROWS } from "~/utils/candidate-csv.server";
import { countRows, schema } from "~/utils/db.server";
import { cookieFor, get, invoke, post } from "../support/http";

const header =
  "name,email,phone,location,timezone,profile_url,code_url,portfolio_url,engagement_type,pay_kind,pay_amount,pay_currency,available_from,skills,source,notes";
const names = ["Inés Ñúñez", "Ólafur Jónsson", "Kirsten Øster", "Дмитрий Петров", "Chidi Okafor", "Mei Lin"];

function csvOf(count: number, bad: (i: number) => boolean = () => false): string {
  const lines = [header];
  for (let i = 0; i < count; i++) {
    const name = `${names[i % names.length]} ${i}`;
    const email = bad(i) ? "not-an-email" : `person.${i}@import.example`;
    lines.push(
      [
        `"${name}"`,
        email,
        "+1 555 0100",
        "Lisbon",
        "Europe/Lisbon",
        "https://example.com/in/p",
        "https://github.com/p",
        "",
        i % 3 === 0 ? "contractor" : "full_time",
        i % 3 === 0 ? "hourly" : "annual",
        i % 3 === 0 ? "120" : "150000",
        "EUR",
        "2027-01-15",
        '"Python; RAG; évaluation"',
        "sourced",
        '"Met at a meetup, strong on evals"',
      ].join(","),
    );
  }
  return lines.join("\n");
}

type Preview = {
  csv: string | null;
  check: { fileErrors: string[]; rowCount: number; badCount: number; rows: { line: number; errors: string[] }[] };
};

// Each test parses and checks a 10,000-row file (a second or two, more on a busy machine).
describe("CSV import of a large file", { timeout: 120_000 }, () => {
  it("previews 10,000 rows with a bounded answer, and refuses the whole file for two bad rows", async () => {
    const cookie = await cookieFor("priya@northwind.test");
    const csv = csvOf(MAX_IMPORT_ROWS, (i) => i === 8_000 || i === 9_998);
    const before = countRows(schema.candidates);
    for (const intent of ["preview", "import"]) {
      const out = await invoke(importRoute.action, post("/candidates/import", { intent, csv }, { cookie }));
      expect(out.status).toBe(400);
      const data = out.data as Preview;
      expect(data.csv).toBeNull();
      expect(data.check).toMatchObject({ fileErrors: [], rowCount: MAX_IMPORT_ROWS, badCount: 2 });
      expect(data.check.rows).toHaveLength(PREVIEW_ROWS);
      // The rows with errors are among those shown although they are near the end; all in file order.
      expect(data.check.rows.filter((r) => r.errors.length).map((r) => r.line)).toEqual([8_002, 10_000]);
      expect(data.check.rows.map((r) => r.line)).toEqual([...data.check.rows.map((r) => r.line)].sort((a, b) => a - b));
      expect(JSON.stringify(data).length).toBeLessThan(50_000);
    }
    expect(countRows(schema.candidates)).toBe(before);
  });

  it("imports 10,000 rows in one go, each searchable at once", async () => {
    const cookie = await cookieFor("priya@northwind.test");
    const csv = csvOf(MAX_IMPORT_ROWS);
    const preview = await invoke(
      importRoute.action,
      post("/candidates/import", { intent: "preview", csv }, { cookie }),
    );
    expect(preview.status).toBe(200);
    expect((preview.data as Preview).check).toMatchObject({ rowCount: MAX_IMPORT_ROWS, badCount: 0 });
    const before = countRows(schema.candidates);
    const nunez = async () =>
      ((await invoke(candidatesList.loader, get("/candidates?q=nunez", cookie))).data as { result: { total: number } })
        .result.total;
    const nunezBefore = await nunez();
    const out = await invoke(importRoute.action, post("/candidates/import", { intent: "import", csv }, { cookie }));
    expect(out.status).toBe(302);
    expect(out.location).toBe(`/candidates?imported=${MAX_IMPORT_ROWS}`);
    expect(countRows(schema.candidates)).toBe(before + MAX_IMPORT_ROWS);
    const found = await invoke(
      candidatesList.loader,
      get(`/candidates?q=${encodeURIComponent("Петров 9999")}`, cookie),
    );
    expect((found.data as { result: { rows: { name: string }[] } }).result.rows.map((r) => r.name)).toEqual([
      "Дмитрий Петров 9999",
    ]);
    expect(await nunez()).toBe(nunezBefore + Math.ceil(MAX_IMPORT_ROWS / names.length));
  });

  it("refuses one row more than the limit, naming it", async () => {
    const cookie = await cookieFor("priya@northwind.test");
    const out = await invoke(
      importRoute.action,
      post("/candidates/import", { intent: "preview", csv: csvOf(MAX_IMPORT_ROWS + 1) }, { cookie }),
    );
    expect(out.status).toBe(400);
    expect((out.data as Preview).check.fileErrors).toEqual([
      `At most ${MAX_IMPORT_ROWS} rows per import; this file has ${MAX_IMPORT_ROWS + 1}.`,
    ]);
  });
});
