// The HR board's CSV is the board: for the same filters, the same applications and checks in the same order, all
// pages of them, for HR, an admin and a hiring manager; what a viewer may not see (names they grade blind,
// background-check findings, other managers' roles) stays out of it; and the export is logged.
import Papa from "papaparse";
import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { BoardGroup } from "~/models/compliance.server";
import * as boardRoute from "~/routes/compliance._index";
import * as boardCsv from "~/routes/compliance[.csv]";
import { getDb, schema } from "~/utils/db.server";
import { cookieFor, get, invoke, latestAudit, roleIdByTitle, userIdByEmail } from "../support/http";

type BoardPage = { groupCount: number; pageCount: number; groups: BoardGroup[] };

/** Every page of the board for a query, as the page's loader gives them. */
async function wholeBoard(query: string, cookie: string) {
  const first = (await invoke(boardRoute.loader, get(`/compliance?${query}`, cookie))).data as BoardPage;
  const groups = [...first.groups];
  for (let page = 2; page <= first.pageCount; page++)
    groups.push(
      ...((await invoke(boardRoute.loader, get(`/compliance?${query}&page=${page}`, cookie))).data as BoardPage).groups,
    );
  return { groupCount: first.groupCount, pageCount: first.pageCount, groups };
}

async function csvOf(query: string, cookie: string) {
  const out = await invoke(boardCsv.loader, get(`/compliance.csv?${query}`, cookie));
  expect(out.status).toBe(200);
  expect(out.headers.get("Content-Disposition")).toMatch(/^attachment; filename="compliance.*\.csv"$/);
  const text = out.data as string;
  return { text, rows: Papa.parse<string[]>(text.replace(/^\uFEFF/, ""), { skipEmptyLines: true }).data };
}

const anonymousAlias = "Candidate Kestrel";
const findings = "FINDINGS-MARKER-7731";

/** More applications than a page holds on one role, one graded blind by HR, and findings on a background check. */
function prepare() {
  const db = getDb();
  const roleId = roleIdByTitle("Senior AI Engineer, Support Copilot");
  db.update(schema.roles)
    .set({ requiredChecks: ["nda", "ip_assignment", "background_check"] })
    .where(eq(schema.roles.id, roleId))
    .run();
  const ids: number[] = [];
  db.transaction((tx) => {
    for (let i = 0; i < 130; i++) {
      const candidateId = tx
        .insert(schema.candidates)
        .values({
          name: `Export Person ${i}`,
          email: `export.${i}@example.test`,
          engagementType: "full_time",
          source: "sourced",
        })
        .returning()
        .get().id;
      ids.push(
        tx
          .insert(schema.applications)
          .values({ roleId, candidateId, stage: i % 3 ? "screening" : "final", stageChangedAt: new Date() })
          .returning()
          .get().id,
      );
      if (i % 4 === 0)
        tx.insert(schema.complianceChecks)
          .values({ type: "nda", candidateId, status: i % 8 ? "requested" : "verified", requestedAt: "2026-01-05" })
          .run();
      if (i === 5)
        tx.insert(schema.complianceChecks)
          .values({ type: "background_check", candidateId, status: "received", detail: findings })
          .run();
    }
    const th = tx
      .insert(schema.takeHomes)
      .values({
        applicationId: ids[7],
        title: "T",
        instructions: "I",
        timeBoxHours: 2,
        dueOn: "2030-01-01",
        alias: anonymousAlias,
        anonymous: true,
      })
      .returning()
      .get();
    tx.insert(schema.takeHomeGraders)
      .values({ takeHomeId: th.id, userId: userIdByEmail("priya@northwind.test") })
      .run();
  });
  return { roleId };
}

describe("the HR board's CSV", () => {
  let roleId = 0;
  beforeAll(() => {
    roleId = prepare().roleId;
  });

  it("lists what the board lists, every page, for HR, an admin and a hiring manager; logged once", async () => {
    const queries = [
      "",
      "status=all",
      "check=nda&check=ip_assignment",
      "check=nda&check=background_check&status=all",
      `role=${roleId}&stage=finalists&status=all`,
      "check=nda&status=requested",
    ];
    let multiPage = 0;
    for (const email of ["priya@northwind.test", "morgan@northwind.test", "tomas@northwind.test"]) {
      const cookie = await cookieFor(email);
      for (const query of queries) {
        const board = await wholeBoard(query, cookie);
        if (board.pageCount > 1) multiPage++;
        const { rows, text } = await csvOf(query, cookie);
        expect(rows[0]).toEqual(boardCsv.boardCsvHeader);
        expect(rows.slice(1), `${email} ${query}`).toEqual(
          boardCsv.boardCsvRows(board.groups).map((r) => r.map(String)),
        );
        expect(new Set(rows.slice(1).map((r) => r[0])).size).toBe(board.groupCount);
        expect(text).not.toContain(findings);
        const [entry] = latestAudit();
        expect(entry).toMatchObject({
          actorId: userIdByEmail(email),
          action: "csv.export",
          detail: { report: "compliance", rows: board.groupCount, format: "csv" },
        });
      }
    }
    expect(multiPage).toBeGreaterThan(3);
  });

  it("shows HR the alias of someone they grade blind, never the name, and a manager only their roles", async () => {
    const hr = await csvOf("status=all", await cookieFor("priya@northwind.test"));
    expect(hr.text).toContain(anonymousAlias);
    expect(hr.text).not.toContain("Export Person 7,");
    const admin = await csvOf("status=all", await cookieFor("morgan@northwind.test"));
    expect(admin.text).toContain("Export Person 7,");
    const tomas = await csvOf("status=all", await cookieFor("tomas@northwind.test"));
    const managed = new Set(
      getDb()
        .all<{ title: string }>(
          sql`select r.title from roles r join role_team t on t.role_id = r.id
            where t.user_id = ${userIdByEmail("tomas@northwind.test")} and t.team_role = 'hiring_manager'`,
        )
        .map((r) => r.title),
    );
    expect(tomas.rows.length).toBeGreaterThan(1);
    expect(tomas.rows.slice(1).every((r) => managed.has(r[3]))).toBe(true);
    expect(tomas.text).not.toContain("Export Person");
  });

  it("filters several checks at once: any of them, each application once", async () => {
    const cookie = await cookieFor("priya@northwind.test");
    const ids = (board: { groups: BoardGroup[] }) => board.groups.map((g) => g.applicationId);
    const both = await wholeBoard("check=nda&check=ip_assignment&status=all", cookie);
    const nda = await wholeBoard("check=nda&status=all", cookie);
    const ip = await wholeBoard("check=ip_assignment&status=all", cookie);
    expect(new Set(ids(both))).toEqual(new Set([...ids(nda), ...ids(ip)]));
    expect(ids(both)).toHaveLength(new Set(ids(both)).size);
    expect(new Set(both.groups.flatMap((g) => g.items.map((i) => i.type)))).toEqual(new Set(["nda", "ip_assignment"]));
    // The order of the parameters does not matter, and an unknown check is dropped.
    const swapped = await wholeBoard("check=ip_assignment&check=nope&check=nda&status=all", cookie);
    expect(ids(swapped)).toEqual(ids(both));
  });
});
