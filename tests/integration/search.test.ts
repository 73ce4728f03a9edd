// Candidate search on the FTS5 index: the same answers as a plain
// recomputation over every candidate (matchesSearch and the visibility rule,
// written out here), on random people with names in many scripts; names with
// accents found with and without them; hostile queries answered, never an
// error; writes from another connection searchable at once.
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { seededRandom } from "~/domain/random";
import { matchesSearch, readsInNameOrder } from "~/domain/search";
import { PAGE_SIZE, searchCandidates } from "~/models/candidate.server";
import * as candidatesList from "~/routes/candidates._index";
import * as applicationNew from "~/routes/roles.$roleId.applications.new";
import { getDb } from "~/utils/db.server";
import { cookieFor, get, invoke, roleIdByTitle, userIdByEmail } from "../support/http";

type Person = { id: number; name: string; email: string; skills: string[]; createdById: number | null };
type Result = { rows: { id: number; name: string }[]; total: number; page: number; pageCount: number };

const firstNames = ["Ana", "José", "Ólafur", "Søren", "Łukasz", "Zoë", "Björn", "Иван", "Мария", "Chloé", "Jürgen"];
const moreFirstNames = ["Renée", "Aarav", "Fatma", "Şule", "Nguyễn Văn", "Đorđe", "Æsa", "Þóra", "İlker", "美玲"];
const lastNames = ["Ñúñez", "García", "Øster", "Petrov", "Петров", "Kowalski", "Müller", "Jónsdóttir", "Straße"];
const moreLastNames = ["Dubois", "Okafor", "Çelik", "Nguyễn", "O'Brien", "Smith-Jones", "Brown", "Lê", "Łęcka"];
const skillPool = ["Python", "pgvector", "C++", "node.js", "RAG", "évaluation", "LLM-ops", "Go", "Kubernetes", "МЛ"];

function people(): Person[] {
  return getDb()
    .$client.prepare("select id, name, email, skills, created_by_id as createdById from candidates")
    .all()
    .map((r) => {
      const row = r as Person & { skills: string };
      return { ...row, skills: JSON.parse(row.skills) as string[] };
    });
}

/** The candidates a hiring manager may see, recomputed from the tables: on their roles, or theirs and on none. */
function visibleTo(userId: number): Set<number> {
  const client = getDb().$client;
  const onRoles = client
    .prepare(
      `select distinct a.candidate_id from applications a join role_team t on t.role_id = a.role_id
       where t.user_id = ? and a.candidate_id is not null`,
    )
    .pluck()
    .all(userId) as number[];
  const onAny = new Set(
    client.prepare("select candidate_id from applications where candidate_id is not null").pluck().all() as number[],
  );
  const own = people().filter((p) => p.createdById === userId && !onAny.has(p.id));
  return new Set([...onRoles, ...own.map((p) => p.id)]);
}

function expected(query: string, visible: Set<number> | null): Person[] {
  return people()
    .filter((p) => (visible ? visible.has(p.id) : true))
    .filter((p) => (query.trim() ? matchesSearch(p, query) : true))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id - b.id));
}

async function search(cookie: string, query: string, page = 1): Promise<Result> {
  const out = await invoke(
    candidatesList.loader,
    get(`/candidates?q=${encodeURIComponent(query)}&page=${page}`, cookie),
  );
  expect(out.status, query).toBe(200);
  return (out.data as { result: Result }).result;
}

/** Add people through a second connection, as a CLI or an import in another process would. */
function addPeople(rows: { name: string; email: string; skills: string[]; createdById?: number }[]): void {
  const other = new Database(process.env.DATABASE_PATH!);
  const insert = other.prepare(
    `insert into candidates (name, email, engagement_type, source, skills, created_by_id)
     values (?, ?, 'full_time', 'sourced', ?, ?)`,
  );
  other.transaction(() => {
    for (const r of rows) insert.run(r.name, r.email, JSON.stringify(r.skills), r.createdById ?? null);
  })();
  other.close();
}

function stripAccents(text: string): string {
  return text.normalize("NFD").replace(/\p{M}+/gu, "");
}

describe("candidate search", () => {
  it("finds names in any script with or without their accents, and Cyrillic as typed", async () => {
    addPeople([
      { name: "Inés Ñúñez", email: "ines.nunez@example.com", skills: ["RAG"] },
      { name: "Ólafur Arnalds", email: "olafur@example.com", skills: [] },
      { name: "Kirsten Øster", email: "k.oster@example.com", skills: [] },
      { name: "Дмитрий Петров", email: "dmitri@example.com", skills: ["МЛ"] },
      { name: "Łukasz Großmann", email: "lukasz@example.com", skills: [] },
      { name: "Nguyễn Thị Thu", email: "thu@example.com", skills: [] },
    ]);
    const priya = await cookieFor("priya@northwind.test");
    const finds = async (query: string, name: string) =>
      expect(
        (await search(priya, query)).rows.map((r) => r.name),
        query,
      ).toContain(name);
    for (const [query, name] of [
      ["Ñúñez", "Inés Ñúñez"],
      ["nunez", "Inés Ñúñez"],
      ["NÚÑEZ", "Inés Ñúñez"],
      ["ines nun", "Inés Ñúñez"],
      ["Ólafur", "Ólafur Arnalds"],
      ["olafur", "Ólafur Arnalds"],
      ["Øster", "Kirsten Øster"],
      ["oster", "Kirsten Øster"],
      ["Петров", "Дмитрий Петров"],
      ["петр", "Дмитрий Петров"],
      ["дмитрий", "Дмитрий Петров"],
      ["мл", "Дмитрий Петров"],
      ["lukasz grossmann", "Łukasz Großmann"],
      ["Łukasz Groß", "Łukasz Großmann"],
      ["nguyen thi", "Nguyễn Thị Thu"],
      ["Nguyễn", "Nguyễn Thị Thu"],
      ["dmitri@exam", "Дмитрий Петров"],
    ])
      await finds(query, name);
    // The Latin spelling of a Cyrillic name is another name.
    expect((await search(priya, "Petrov")).rows.map((r) => r.name)).not.toContain("Дмитрий Петров");
  });

  it("answers hostile queries (quotes, operators, *, -, NEAR, unbalanced quotes) as plain words, never an error", async () => {
    addPeople([
      { name: "Near Field", email: "near.field@example.com", skills: ["C++"] },
      { name: "Anne O'Brien-Or", email: "anne@example.com", skills: ["node.js"] },
    ]);
    const priya = await cookieFor("priya@northwind.test");
    const queries = [
      '"',
      '""',
      '"unbalanced',
      'anne"',
      "*",
      "-",
      "--",
      "a*",
      "*a",
      "NEAR",
      "NEAR(anne field)",
      "near/2",
      "anne OR field",
      "anne AND",
      "NOT anne",
      "-anne",
      "^anne",
      "name:anne",
      "{name email}:anne",
      "(anne",
      "anne)",
      "c++",
      "node.js",
      "o'brien",
      "%",
      "_",
      "\\",
      "'; drop table candidates; --",
      "a".repeat(100),
    ];
    for (const q of queries) {
      const result = await search(priya, q);
      const want = expected(q, null);
      expect(result.total, q).toBe(want.length);
      expect(
        result.rows.map((r) => r.id),
        q,
      ).toEqual(want.slice(0, PAGE_SIZE).map((p) => p.id));
    }
    expect((await search(priya, "NEAR")).rows.map((r) => r.name)).toEqual(["Near Field"]);
    expect((await search(priya, "o'brien")).rows.map((r) => r.name)).toEqual(["Anne O'Brien-Or"]);
  });

  it("equals a plain recomputation on random people, for those who see everyone and for a hiring manager", async () => {
    const rand = seededRandom(19);
    const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)];
    const dana = userIdByEmail("dana@northwind.test");
    const rows = Array.from({ length: 400 }, (_, i) => {
      const first = pick(rand() < 0.5 ? firstNames : moreFirstNames);
      const last = pick(rand() < 0.5 ? lastNames : moreLastNames);
      return {
        name: `${first} ${last}`,
        email: `${
          stripAccents(first)
            .toLowerCase()
            .replace(/[^a-z]/g, "") || "p"
        }.${i}@example.com`,
        skills: Array.from({ length: Math.floor(rand() * 3) }, () => pick(skillPool)),
        createdById: rand() < 0.2 ? dana : undefined,
      };
    });
    addPeople(rows);
    // Some renamed afterwards through the app's connection: the index follows updates too.
    const client = getDb().$client;
    for (const id of client.prepare("select id from candidates order by id desc limit 40").pluck().all() as number[])
      client.prepare("update candidates set name = ? where id = ?").run(`${pick(firstNames)} ${pick(lastNames)}`, id);

    const cases = { priya: await cookieFor("priya@northwind.test"), dana: await cookieFor("dana@northwind.test") };
    const tokens = [...firstNames, ...moreFirstNames, ...lastNames, ...moreLastNames, ...skillPool].flatMap((n) =>
      n.split(/\s+/),
    );
    const queries = [""];
    for (let i = 0; i < 60; i++) {
      let word = pick(tokens);
      word = word.slice(0, 1 + Math.floor(rand() * word.length));
      if (rand() < 0.3) word = stripAccents(word);
      if (rand() < 0.3) word = word.toUpperCase();
      queries.push(rand() < 0.3 ? `${word} ${pick(tokens).slice(0, 2)}` : word);
    }
    for (const [who, cookie] of Object.entries(cases)) {
      const visible = who === "dana" ? visibleTo(dana) : null;
      for (const q of queries) {
        const want = expected(q, visible);
        const first = await search(cookie, q);
        expect(first.total, `${who} ${q}`).toBe(want.length);
        expect(
          first.rows.map((r) => r.id),
          `${who} ${q}`,
        ).toEqual(want.slice(0, PAGE_SIZE).map((p) => p.id));
        if (first.pageCount > 1) {
          const page = 1 + Math.floor(rand() * first.pageCount);
          const other = await search(cookie, q, page);
          expect(
            other.rows.map((r) => r.id),
            `${who} ${q} page ${page}`,
          ).toEqual(want.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE).map((p) => p.id));
        }
      }
    }
  });

  it("reads a common name's pages along the name index, with the same rows and count as a recomputation", async () => {
    // 180 people sharing a last name, their first names across the alphabet: the search walks the name index.
    const dana = userIdByEmail("dana@northwind.test");
    addPeople(
      Array.from({ length: 180 }, (_, i) => ({
        name: `${String.fromCharCode(65 + (i % 26))}${["ada", "oli", "ume"][i % 3]} Kessler`,
        email: `kessler.${i}@example.com`,
        skills: i % 4 === 0 ? ["Kesslerite"] : [],
        createdById: i % 3 === 0 ? dana : undefined,
      })),
    );
    const candidates = getDb().$client.prepare("select max(id) from candidates").pluck().get() as number;
    const cases = { priya: await cookieFor("priya@northwind.test"), dana: await cookieFor("dana@northwind.test") };
    for (const [who, cookie] of Object.entries(cases)) {
      const visible = who === "dana" ? visibleTo(dana) : null;
      for (const q of ["Kessler", "KESS", "kessler oli", "Kesslerite"]) {
        const want = expected(q, visible).map((p) => p.id);
        const first = await search(cookie, q);
        expect(first.total, `${who} ${q}`).toBe(want.length);
        const got = [...first.rows.map((r) => r.id)];
        for (let page = 2; page <= first.pageCount; page++)
          got.push(...(await search(cookie, q, page)).rows.map((r) => r.id));
        expect(got, `${who} ${q}`).toEqual(want);
      }
    }
    // People a viewer grades anonymously are left out of the walk as of the sort.
    const everyKessler = expected("Kessler", null).map((p) => p.id);
    const hide = everyKessler.filter((_, i) => i % 5 === 2);
    const viewer = { id: userIdByEmail("priya@northwind.test"), kind: "recruiter" as const };
    const shown: number[] = [];
    const pages = searchCandidates(viewer, { query: "Kessler", page: 1, hide }).pageCount;
    for (let page = 1; page <= pages; page++)
      shown.push(...searchCandidates(viewer, { query: "Kessler", page, hide }).rows.map((r) => r.id));
    expect(shown).toEqual(everyKessler.filter((id) => !hide.includes(id)));
    expect(searchCandidates(viewer, { query: "Kessler", page: 1, hide }).total).toBe(everyKessler.length - hide.length);
    // The cases above took the walk (page 1 for everyone who sees all; the hiring manager's third of them too).
    expect(readsInNameOrder({ matches: 180, candidates, offset: 0, pageSize: PAGE_SIZE })).toBe(true);
    expect(readsInNameOrder({ matches: 60, candidates, offset: 0, pageSize: PAGE_SIZE })).toBe(true);
  });

  it("keeps the index in step with renames and removals from another connection", async () => {
    addPeople([{ name: "Zdeněk Vlček", email: "zv@example.com", skills: [] }]);
    const priya = await cookieFor("priya@northwind.test");
    expect((await search(priya, "zdenek")).total).toBe(1);
    const other = new Database(process.env.DATABASE_PATH!);
    other.prepare("update candidates set name = 'Zuzana Vlčková' where email = 'zv@example.com'").run();
    expect((await search(priya, "zdenek")).total).toBe(0);
    expect((await search(priya, "zuzana vlckova")).total).toBe(1);
    other.prepare("delete from candidates where email = 'zv@example.com'").run();
    other.close();
    expect((await search(priya, "zuzana")).total).toBe(0);
  });

  it("finds people to add to a pipeline the same way", async () => {
    addPeople([{ name: "Søren Ñúñez-Øster", email: "soren@example.com", skills: [] }]);
    const roleId = String(roleIdByTitle("Senior AI Engineer, Support Copilot"));
    const priya = await cookieFor("priya@northwind.test");
    for (const q of ["soren nunez-oster", "Ñúñez-Øster", '"zzqx*']) {
      const out = await invoke(
        applicationNew.loader,
        get(`/roles/${roleId}/applications/new?q=${encodeURIComponent(q)}`, priya),
        { roleId },
      );
      expect(out.status, q).toBe(200);
      const names = (out.data as { candidates: { name: string }[] }).candidates.map((c) => c.name);
      if (q === '"zzqx*') expect(names).toEqual([]);
      else expect(names, q).toEqual(["Søren Ñúñez-Øster"]);
    }
  });
});
