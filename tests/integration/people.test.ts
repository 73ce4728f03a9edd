import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as agencyEdit from "~/routes/agencies.$agencyId.edit";
import * as agencyNew from "~/routes/agencies.new";
import * as candidateEdit from "~/routes/candidates.$candidateId.edit";
import * as candidateNew from "~/routes/candidates.new";
import * as candidatesList from "~/routes/candidates._index";
import * as importRoute from "~/routes/candidates.import";
import { getDb, schema } from "~/utils/db.server";
import { cookieFor, get, invoke, post, totalChanges } from "../support/http";

type Failure = {
  fieldErrors: Record<string, string[]>;
  formError: string | null;
  existing?: { id: number; name: string } | null;
};
const count = (
  table: Parameters<ReturnType<typeof getDb>["select"]>[0] extends never
    ? never
    : typeof schema.candidates | typeof schema.agencies,
) => getDb().select().from(table).all().length;

const person = (overrides: Record<string, string | string[]> = {}) => ({
  name: "Wanjiru Kamau",
  email: "  Wanjiru.Kamau@Example.COM ",
  phone: "+254 700 000 111",
  location: "Nairobi",
  timezone: "Africa/Nairobi",
  profileUrl: "https://www.linkedin.com/in/wkamau",
  codeUrl: "https://github.com/wkamau",
  portfolioUrl: "",
  engagementType: "contractor",
  payKind: "hourly",
  payAmount: "135",
  payCurrency: "USD",
  availableFrom: "2027-01-04",
  skills: ["Python", "RAG", "Evals"],
  otherSkills: "pgvector, python",
  source: "referral",
  notes: "",
  ...overrides,
});

describe("candidates", () => {
  it("creates a candidate with a normalised email and merged skills", async () => {
    const cookie = await cookieFor("priya@northwind.test");
    const out = await invoke(candidateNew.action, post("/candidates/new", person(), { cookie }));
    expect(out.status).toBe(302);
    const row = getDb()
      .select()
      .from(schema.candidates)
      .where(eq(schema.candidates.email, "wanjiru.kamau@example.com"))
      .get()!;
    expect(row).toMatchObject({
      name: "Wanjiru Kamau",
      engagementType: "contractor",
      payKind: "hourly",
      payAmount: 135,
      availableFrom: "2027-01-04",
    });
    expect(row.skills).toEqual(["Python", "RAG", "Evals", "pgvector"]);
    expect(out.location).toBe(`/candidates/${row.id}?saved=created`);
  });

  it("offers the existing person when the email is already on file, and writes nothing", async () => {
    const cookie = await cookieFor("priya@northwind.test");
    const before = count(schema.candidates);
    const out = await invoke(
      candidateNew.action,
      post("/candidates/new", person({ name: "W. Kamau", email: "WANJIRU.KAMAU@example.com" }), { cookie }),
    );
    expect(out.status).toBe(400);
    const data = out.data as Failure;
    expect(data.fieldErrors.email).toEqual(["A candidate with this email is already on file"]);
    expect(data.existing?.name).toBe("Wanjiru Kamau");
    expect(count(schema.candidates)).toBe(before);
  });

  it("refuses invalid input with field errors, 400 and no write", async () => {
    const cookie = await cookieFor("priya@northwind.test");
    const changes = totalChanges();
    const out = await invoke(
      candidateNew.action,
      post(
        "/candidates/new",
        person({
          name: "",
          email: "nope",
          codeUrl: "javascript:alert(1)",
          payKind: "",
          availableFrom: "2026-02-30",
          engagementType: "intern",
        }),
        { cookie },
      ),
    );
    expect(out.status).toBe(400);
    const { fieldErrors } = out.data as Failure;
    expect(Object.keys(fieldErrors).sort()).toEqual(["availableFrom", "codeUrl", "email", "engagementType", "name"]);
    expect(fieldErrors.codeUrl[0]).toMatch(/web address/);
    expect(totalChanges()).toBe(changes);
    const noKind = await invoke(
      candidateNew.action,
      post("/candidates/new", person({ email: "x@example.com", payKind: "" }), { cookie }),
    );
    expect((noKind.data as Failure).fieldErrors.payKind[0]).toMatch(/salary, an hourly rate or a fixed quote/);
  });

  it("edits with a version check: the second stale save gets a conflict", async () => {
    const cookie = await cookieFor("priya@northwind.test");
    const row = getDb()
      .select()
      .from(schema.candidates)
      .where(eq(schema.candidates.email, "wanjiru.kamau@example.com"))
      .get()!;
    const first = await invoke(
      candidateEdit.action,
      post(
        `/candidates/${row.id}/edit`,
        { ...person({ location: "Mombasa" }), version: String(row.version) },
        { cookie },
      ),
      { candidateId: String(row.id) },
    );
    expect(first.status).toBe(302);
    const second = await invoke(
      candidateEdit.action,
      post(
        `/candidates/${row.id}/edit`,
        { ...person({ location: "Kisumu" }), version: String(row.version) },
        { cookie },
      ),
      { candidateId: String(row.id) },
    );
    expect(second.status).toBe(409);
    expect(getDb().select().from(schema.candidates).where(eq(schema.candidates.id, row.id)).get()!.location).toBe(
      "Mombasa",
    );
  });

  it("searches by name, email and skill, paginated", async () => {
    const cookie = await cookieFor("priya@northwind.test");
    const bySkill = await invoke(candidatesList.loader, get("/candidates?q=pgvector", cookie));
    expect((bySkill.data as { result: { rows: { name: string }[] } }).result.rows.map((r) => r.name)).toEqual([
      "Wanjiru Kamau",
    ]);
    const all = await invoke(candidatesList.loader, get("/candidates", cookie));
    const result = (all.data as { result: { rows: unknown[]; total: number; pageCount: number } }).result;
    expect(result.total).toBe(61);
    expect(result.rows).toHaveLength(25);
    expect(result.pageCount).toBe(3);
    const page3 = await invoke(candidatesList.loader, get("/candidates?page=3", cookie));
    expect((page3.data as { result: { rows: unknown[] } }).result.rows).toHaveLength(11);
    const literal = await invoke(candidatesList.loader, get("/candidates?q=%25", cookie));
    expect((literal.data as { result: { total: number } }).result.total).toBe(0);
  });

  it("shows interviewers only people on their roles' pipelines", async () => {
    const sam = await invoke(
      candidatesList.loader,
      get("/candidates?q=Wanjiru", await cookieFor("sam@northwind.test")),
    );
    expect((sam.data as { result: { total: number } }).result.total).toBe(0);
  });
});

describe("CSV import", () => {
  const header = "name,email,engagement_type,pay_kind,pay_amount,skills,source";
  it("previews per-row errors and imports nothing while any row is bad", async () => {
    const cookie = await cookieFor("priya@northwind.test");
    const before = count(schema.candidates);
    const csv = [
      header,
      "Ada Obi,ada.obi@example.com,full_time,annual,190000,Python; MLflow,sourced",
      "No Email,,full_time,,,Python,sourced",
      "Dup,ADA.OBI@example.com,contractor,hourly,150,,referral",
      "Known,wanjiru.kamau@example.com,contractor,,,,referral",
    ].join("\n");
    for (const intent of ["preview", "import"]) {
      const out = await invoke(importRoute.action, post("/candidates/import", { intent, csv }, { cookie }));
      expect(out.status).toBe(400);
      const rows = (out.data as { check: { rows: { line: number; errors: string[] }[] } }).check.rows;
      expect(rows.map((r) => r.errors.length > 0)).toEqual([false, true, true, true]);
      expect(rows[1].errors.join()).toMatch(/email: Email is required/);
      expect(rows[2].errors.join()).toMatch(/same email is on line 2/);
      expect(rows[3].errors.join()).toMatch(/already on file/);
    }
    expect(count(schema.candidates)).toBe(before);
  });

  it("refuses unknown columns, then imports a clean file in one go", async () => {
    const cookie = await cookieFor("priya@northwind.test");
    const bad = await invoke(
      importRoute.action,
      post("/candidates/import", { intent: "preview", csv: "name,email,shoe_size\nA,a@example.com,42" }, { cookie }),
    );
    expect((bad.data as { check: { fileErrors: string[] } }).check.fileErrors[0]).toMatch(/Unknown columns: shoe_size/);
    const csv = `\uFEFF${header}\r\nAda Obi,ada.obi@example.com,full_time,annual,"190,000","Python; MLflow",sourced\r\n"Okafor, Chidi",chidi@example.com,freelancer,hourly,80,,marketplace\r\n`;
    const preview = await invoke(
      importRoute.action,
      post("/candidates/import", { intent: "preview", csv }, { cookie }),
    );
    expect(preview.status).toBe(200);
    const before = count(schema.candidates);
    const out = await invoke(importRoute.action, post("/candidates/import", { intent: "import", csv }, { cookie }));
    expect(out.status).toBe(302);
    expect(out.location).toBe("/candidates?imported=2");
    expect(count(schema.candidates)).toBe(before + 2);
    const chidi = getDb()
      .select()
      .from(schema.candidates)
      .where(eq(schema.candidates.email, "chidi@example.com"))
      .get()!;
    expect(chidi).toMatchObject({ name: "Okafor, Chidi", engagementType: "freelancer", payAmount: 80 });
    const ada = getDb()
      .select()
      .from(schema.candidates)
      .where(eq(schema.candidates.email, "ada.obi@example.com"))
      .get()!;
    expect(ada.skills).toEqual(["Python", "MLflow"]);
    expect(ada.payAmount).toBe(190000);
  });
});

describe("agencies", () => {
  const agency = (overrides: Record<string, string | string[]> = {}) => ({
    name: "Northstar ML Pods",
    kind: "delivery_pod",
    website: "https://northstar.example",
    rateMin: "120",
    rateMax: "190",
    markupPercent: "",
    currency: "USD",
    offersHandover: "on",
    contactName: ["Lena Ortiz", ""],
    contactEmail: ["lena@northstar.example", ""],
    contactPhone: ["", ""],
    contactTitle: ["Partner", ""],
    vet_accuracy_miss_answer: "Holdout validation; fix within two sprints at their cost",
    vet_accuracy_miss_assessment: "good",
    vet_scope_changes_answer: "We're flexible",
    vet_scope_changes_assessment: "bad",
    ...overrides,
  });

  it("creates an agency with its contacts and vetting in one go", async () => {
    const cookie = await cookieFor("priya@northwind.test");
    const out = await invoke(agencyNew.action, post("/agencies/new", agency(), { cookie }));
    expect(out.status).toBe(302);
    const row = getDb().select().from(schema.agencies).where(eq(schema.agencies.name, "Northstar ML Pods")).get()!;
    expect(row).toMatchObject({
      kind: "delivery_pod",
      rateMin: 120,
      rateMax: 190,
      offersHandover: true,
      writtenAcceptanceCriteria: false,
    });
    expect(
      getDb()
        .select()
        .from(schema.agencyContacts)
        .where(eq(schema.agencyContacts.agencyId, row.id))
        .all()
        .map((c) => c.name),
    ).toEqual(["Lena Ortiz"]);
    const vetting = getDb().select().from(schema.agencyVetting).where(eq(schema.agencyVetting.agencyId, row.id)).all();
    expect(vetting.find((v) => v.question === "scope_changes")).toMatchObject({
      answer: "We're flexible",
      assessment: "bad",
    });
    expect(vetting).toHaveLength(4);
  });

  it("refuses bad input and duplicate names with no write", async () => {
    const cookie = await cookieFor("priya@northwind.test");
    const changes = totalChanges();
    // A value outside a list is reported first (zod checks cross-field rules once every field has the right type).
    const badChoice = await invoke(
      agencyNew.action,
      post("/agencies/new", agency({ name: "Other", vet_accuracy_miss_assessment: "amazing" }), { cookie }),
    );
    expect(badChoice.status).toBe(400);
    expect((badChoice.data as Failure).fieldErrors.vet_accuracy_miss_assessment).toEqual(["Choose good, weak or bad"]);
    const out = await invoke(
      agencyNew.action,
      post(
        "/agencies/new",
        agency({
          name: "Other",
          rateMin: "200",
          rateMax: "100",
          contactName: ["", ""],
          contactEmail: ["who@x.example", "bad-email"],
        }),
        { cookie },
      ),
    );
    expect(out.status).toBe(400);
    const { fieldErrors } = out.data as Failure;
    expect(fieldErrors.rateMax).toEqual(["The highest rate must be at least the lowest"]);
    expect(fieldErrors.contacts).toEqual(
      expect.arrayContaining([
        "Contact 1 needs a name",
        "Contact 2 needs a name",
        "Contact 2: enter a valid email address",
      ]),
    );
    const dup = await invoke(
      agencyNew.action,
      post("/agencies/new", agency({ name: "northstar ml pods" }), { cookie }),
    );
    expect((dup.data as Failure).fieldErrors.name).toEqual(["An agency with this name is already on file"]);
    expect(totalChanges()).toBe(changes);
  });

  it("edits contacts in place and keeps their ids", async () => {
    const cookie = await cookieFor("priya@northwind.test");
    const row = getDb().select().from(schema.agencies).where(eq(schema.agencies.name, "Northstar ML Pods")).get()!;
    const [lena] = getDb().select().from(schema.agencyContacts).where(eq(schema.agencyContacts.agencyId, row.id)).all();
    const out = await invoke(
      agencyEdit.action,
      post(
        `/agencies/${row.id}/edit`,
        {
          ...agency({
            contactName: ["Lena Ortiz-Ruiz", "Sam Kim"],
            contactEmail: ["lena@northstar.example", ""],
            contactPhone: ["", ""],
            contactTitle: ["Partner", "Engineer"],
          }),
          version: String(row.version),
        },
        { cookie },
      ),
      { agencyId: String(row.id) },
    );
    expect(out.status).toBe(302);
    const contacts = getDb()
      .select()
      .from(schema.agencyContacts)
      .where(eq(schema.agencyContacts.agencyId, row.id))
      .all();
    expect(contacts.map((c) => [c.id === lena.id, c.name])).toEqual([
      [true, "Lena Ortiz-Ruiz"],
      [false, "Sam Kim"],
    ]);
  });
});
