import { readFileSync } from "node:fs";
import Papa from "papaparse";
import { demo, expect, openDb, test } from "./fixtures";

test("a hiring manager opens a role's rollup, compares three candidates, sees the arithmetic and cost assumptions, and downloads the CSV", async ({
  page,
  signInAs,
}) => {
  const db = openDb();
  const role = db.prepare("select id from roles where title = ?").get("Senior AI Engineer, Support Copilot") as {
    id: number;
  };
  const finals = db
    .prepare(
      "select a.id, c.name, c.engagement_type as engagement, c.pay_kind as payKind from applications a join candidates c on c.id = a.candidate_id where a.role_id = ? and a.stage in ('final', 'offer') order by a.id limit 3",
    )
    .all(role.id) as { id: number; name: string; engagement: string; payKind: string }[];
  db.close();
  expect(finals).toHaveLength(3);
  // The demo's three finalists: a full-time hire and two paid by the hour, so the costs cover different work.
  expect(finals.map((f) => `${f.engagement} ${f.payKind}`).sort()).toEqual([
    "agency_placed hourly",
    "contractor hourly",
    "full_time annual",
  ]);

  await signInAs(demo.dana);
  // From the home page: the role's card carries the rollup's key figures.
  await page.goto("/");
  const card = page.getByRole("article", { name: "Senior AI Engineer, Support Copilot" });
  const figures = (await card.getByText(/scorecards due are in/).innerText()).match(
    /Open (\d+) days? .* (\d+) of (\d+) scorecards due are in/,
  )!;
  expect(figures).not.toBeNull();
  await card.getByRole("link", { name: "Rollup" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /rollup/ })).toBeVisible();
  await expect(
    page.getByText(
      new RegExp(`^Open ${figures[1]} days? .* · ${figures[2]} of ${figures[3]} scorecards due are submitted$`),
    ),
  ).toBeVisible();
  await expect(page.getByRole("heading", { name: "Funnel" })).toBeVisible();
  await expect(page.locator("figure.chart svg").first()).toBeVisible();
  await expect(page.getByRole("columnheader", { name: "First-year cost" })).toBeVisible();
  for (const f of finals) {
    const row = page.getByRole("row").filter({ has: page.getByRole("checkbox", { name: `Compare ${f.name}` }) });
    await expect(row.getByRole("cell").last()).toContainText(f.engagement === "full_time" ? "full year" : "1,000 h");
  }

  for (const f of finals) await page.getByRole("checkbox", { name: `Compare ${f.name}` }).check();
  await page.getByRole("button", { name: "Compare selected" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /^Compare:/ })).toBeVisible();
  for (const f of finals) await expect(page.getByRole("columnheader", { name: f.name })).toBeVisible();

  const totalRow = page.getByRole("row", { name: /Weighted total/ });
  await expect(totalRow.locator(".mono").first()).toContainText("×");
  const costRow = page.getByRole("row", { name: /Estimated first-year cost/ });
  await expect(costRow).toContainText("Base salary");
  // Each figure says what it covers, and the page warns that a year and contract hours are not like for like.
  const columns = (await page.locator("table.compare thead th").allTextContents()).slice(1);
  for (const f of finals) {
    await expect(costRow.getByRole("cell").nth(columns.indexOf(f.name))).toContainText(
      f.engagement === "full_time"
        ? "Covers a full year, with overheads"
        : "Covers 1,000 h of work (about 6 months full time)",
    );
  }
  await expect(
    page.getByText(
      "Not like for like: a hire is costed for a full year, a contractor or freelancer for the role's 1,000 h of work",
    ),
  ).toBeVisible();
  // An hourly figure is also put on a full working year, to read beside the hire's.
  await expect(costRow.getByText(/^A full year \(2,000 h\) at this rate: \$[\d,]+$/)).toHaveCount(2);
  await expect(page.getByText(/Cost assumptions \(this role\): overhead 25%/)).toBeVisible();
  await expect(page.locator("figure.chart svg").first()).toBeVisible();
  // The take-home rubric whole: each deliverable, the outcomes, both constraints and the hours.
  const takeHomeRow = page
    .getByRole("row")
    .filter({ has: page.getByRole("rowheader", { name: "Take-home", exact: true }) });
  const takeHomeText = new Map<string, string>();
  for (const f of finals) {
    const text = await takeHomeRow.getByRole("cell").nth(columns.indexOf(f.name)).innerText();
    expect(text).toMatch(
      /^[\d.]+ \/ 4\nGraded by 2 graders\nDiagnosis of the failure: [\d.]+ \/ 4\n[^]*Cost ceiling respected: (yes|no(?: \(\d of \d graders?\))?)\nSecurity constraint respected: (yes|no(?: \(\d of \d graders?\))?)\nHours reported: /,
    );
    takeHomeText.set(f.name, text);
  }
  await page.screenshot({ path: "test-results/screens/compare.png", fullPage: true });

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download CSV" }).click();
  const file = await (await download).path();
  const parsed = Papa.parse<string[]>(readFileSync(file, "utf8").replace(/^\uFEFF/, ""), { skipEmptyLines: true });
  const rows = parsed.data;
  expect([...rows[0].slice(1)].sort()).toEqual(finals.map((f) => f.name).sort());
  const total = rows.find((r) => r[0] === "Weighted total")!;
  expect(total.slice(1).every((v) => /^\d(\.\d+)?$/.test(v))).toBe(true);
  expect(rows.find((r) => r[0].startsWith("Production systems"))![1]).toMatch(/^\d(\.\d+)? \(\d-\d; /);
  // Each interviewer's rating is the number the average is taken over, so the average can be checked.
  for (const cell of rows.find((r) => r[0].startsWith("Production systems"))!.slice(1)) {
    const [average, ratings] = [
      Number(cell.split(" ")[0]),
      [...cell.matchAll(/: ([1-4])\b/g)].map((m) => Number(m[1])),
    ];
    expect(ratings.length, cell).toBeGreaterThan(0);
    expect(Math.round((ratings.reduce((a, b) => a + b, 0) / ratings.length) * 100) / 100, cell).toBe(average);
  }
  expect(
    rows
      .find((r) => r[0].startsWith("Estimated first-year cost"))!
      .slice(1)
      .every((v) => /^\d+$/.test(v) || /^No /.test(v)),
  ).toBe(true);
  expect(rows.find((r) => r[0] === "Cost note")![1]).toMatch(/^Not like for like: a hire is costed for a full year/);
  const fullYear = rows.find((r) => r[0].startsWith("Full year (2000 h) at the hourly rate"))!;
  expect(fullYear.slice(1).filter((v) => v !== "")).toHaveLength(2);
  // The CSV carries the same rubric, a row each, as numbers where the page says "/ 4".
  const csvCell = (label: string, name: string) => rows.find((r) => r[0] === label)![rows[0].indexOf(name)];
  for (const f of finals) {
    const text = takeHomeText.get(f.name)!;
    expect(csvCell("Take-home overall (of 4)", f.name)).toBe(text.match(/^([\d.]+) \/ 4/)![1]);
    expect(csvCell("Take-home status", f.name)).toBe("Graded by 2 graders");
    expect(csvCell("Take-home: diagnosis of the failure (of 4)", f.name)).toBe(
      text.match(/Diagnosis of the failure: ([\d.]+) \/ 4/)![1],
    );
    expect(csvCell("Take-home: what they would not build yet (of 4)", f.name)).toBe(
      text.match(/What they would not build yet: ([\d.]+) \/ 4/)![1],
    );
    expect(csvCell("Take-home: expected outcomes reached (of 10)", f.name)).toBe(
      text.match(/Expected outcomes reached: ([\d.]+) of 10/)![1],
    );
    expect(csvCell("Take-home: cost ceiling respected", f.name)).toBe(
      text.match(/Cost ceiling respected: (yes|no(?: \(\d of \d graders?\))?)/)![1],
    );
    expect(csvCell("Take-home: security constraint respected", f.name)).toBe(
      text.match(/Security constraint respected: (yes|no(?: \(\d of \d graders?\))?)/)![1],
    );
  }
  const covers = rows.find((r) => r[0] === "Cost covers")!;
  expect(covers.slice(1).sort()).toEqual([
    "1,000 h of work (about 6 months full time)",
    "1,000 h of work (about 6 months full time)",
    "a full year, with overheads",
  ]);
});

test("a hiring manager reads how far each panel agrees, on the rollup and on calibration", async ({
  page,
  signInAs,
}) => {
  const db = openDb();
  const role = db.prepare("select id from roles where title = ?").get("Senior AI Engineer, Support Copilot") as {
    id: number;
  };
  db.close();
  await signInAs(demo.dana);
  await page.goto(`/roles/${role.id}/rollup`);
  // The demo's biggest panel has enough overlap for a figure; the line says what it rests on and how to read it.
  await expect(page.locator("p.agreement-line")).toHaveText(
    /^Panel agreement \(α\): -?\d\.\d\d · \d+ pairable ratings on \d+ candidate areas rated by two or more$/,
  );
  await expect(
    page.getByText(/^Krippendorff's alpha \(ordinal\) on ratings of the same candidate and area: 1 is full agreement/),
  ).toBeVisible();
  const rollupFigure = (await page.locator("p.agreement-line strong").innerText()).trim();

  await page.goto("/calibration");
  await expect(page.getByRole("columnheader", { name: "Panel agreement (alpha)" }).first()).toBeVisible();
  const panels = page.getByRole("region", { name: "Panel agreement per role" });
  const row = panels
    .getByRole("row")
    .filter({ has: page.getByRole("link", { name: "Senior AI Engineer, Support Copilot" }) });
  await expect(row).toContainText(`${rollupFigure} ·`);
  // A panel with too little overlap says so instead of showing a number.
  await expect(panels.getByText("not enough overlap yet").first()).toBeVisible();
});

test("an interviewer's rollup has no cost figures", async ({ page, signInAs }) => {
  const db = openDb();
  const role = db.prepare("select id from roles where title = ?").get("Senior AI Engineer, Support Copilot") as {
    id: number;
  };
  db.close();
  await signInAs(demo.sam);
  await page.goto(`/roles/${role.id}/rollup`);
  await expect(page.getByRole("heading", { name: "Funnel" })).toBeVisible();
  await expect(page.getByRole("columnheader", { name: "First-year cost" })).toHaveCount(0);
  expect(await page.content()).not.toMatch(/Base salary|Cost assumptions|Covers|Not like for like|full year/);
});

test("a hiring manager records an agency's quote and the rollup costs the bid at it", async ({ page, signInAs }) => {
  const db = openDb();
  const role = db.prepare("select id from roles where title = ?").get("Agency Pod, Sales Email Assistant") as {
    id: number;
  };
  db.close();
  await signInAs(demo.dana);
  await page.goto(`/roles/${role.id}/rollup?engagement=agency_bid`);
  const bidRow = page.getByRole("row", { name: /Forge AI Delivery/ });
  await expect(bidRow).toContainText("No quote recorded");

  await page.getByText("Cost assumptions for this role").click();
  await page.getByRole("link", { name: "Edit assumptions and agency quotes" }).click();
  await expect(page.getByRole("heading", { name: "Agency quotes" })).toBeVisible();
  // The cost page lists the bids; each quote is entered on the bid itself.
  await page.getByRole("link", { name: "Forge AI Delivery" }).click();
  await expect(page.getByRole("heading", { name: "Quote", exact: true })).toBeVisible();
  const quote = page.getByLabel("Quoted price (whole scope)");
  await quote.fill("12.5");
  await page.getByRole("button", { name: "Save quote" }).click();
  await expect(page.getByText("Quoted price must be a whole number")).toBeVisible();
  await expect(quote).toHaveAttribute("aria-invalid", "true");

  await quote.fill("240000");
  await page.getByLabel("Team size (people)").fill("3");
  await page.getByLabel("Duration (weeks)").fill("10");
  await page.getByRole("button", { name: "Save quote" }).click();
  await expect(page.getByRole("status")).toContainText("Quote saved");
  await expect(page.getByText("$240,000", { exact: true })).toBeVisible();
  await expect(page.getByText("quote for 3 people over 10 weeks, about 200/h a person at 40 h a week")).toBeVisible();
  await page.screenshot({ path: "test-results/screens/bid-quote.png", fullPage: true });

  await page.goto(`/roles/${role.id}/costs`);
  await page.getByRole("link", { name: "Back to rollup" }).click();
  await page.goto(`/roles/${role.id}/rollup?engagement=agency_bid`);
  await expect(page.getByRole("row", { name: /Forge AI Delivery/ })).toContainText("$240,000");
});

test("a hiring manager changes a role's cost assumptions and the comparison's figures follow, then goes back to the rollup as they left it", async ({
  page,
  signInAs,
}) => {
  const db = openDb();
  const role = db.prepare("select id from roles where title = ?").get("Senior AI Engineer, Support Copilot") as {
    id: number;
  };
  // A full-time candidate with a stated annual salary in the role's currency.
  const hire = db
    .prepare(
      "select c.name, c.pay_amount as pay from applications a join candidates c on c.id = a.candidate_id where a.role_id = ? and c.engagement_type = 'full_time' and c.pay_kind = 'annual' and c.pay_currency = 'USD' and a.stage in ('final','offer') order by a.id limit 1",
    )
    .get(role.id) as { name: string; pay: number };
  // And one paid by the hour, so the two figures cover a year and contract hours.
  const other = db
    .prepare(
      "select c.name from applications a join candidates c on c.id = a.candidate_id where a.role_id = ? and a.stage = 'final' and c.pay_kind = 'hourly' and c.pay_currency = 'USD' order by a.id limit 1",
    )
    .get(role.id) as { name: string };
  db.close();
  await signInAs(demo.dana);

  await page.goto(`/roles/${role.id}/costs`);
  const overhead = page.getByLabel("Benefits, payroll and equipment (% of salary)");
  await overhead.fill("");
  await page.getByRole("button", { name: "Save assumptions" }).click();
  await expect(page.getByText("Benefits, payroll and equipment is required")).toBeVisible();
  await expect(overhead).toHaveAttribute("aria-invalid", "true");
  await overhead.fill("40");
  // A full working year of contract hours: the contractor is then costed for the same period as the hire.
  await page.getByLabel("Expected contract hours in year one (hours)").fill("2000");
  await page.getByRole("button", { name: "Save assumptions" }).click();
  await expect(page.getByRole("status")).toContainText("Assumptions saved");
  await expect(overhead).toHaveValue("40");
  await expect(page.getByRole("link", { name: "See the rollup" })).toBeVisible();
  // Sending the form again, here refused by the browser, retires the confirmation above it.
  await overhead.fill("");
  await page.getByRole("button", { name: "Save assumptions" }).click();
  await expect(page.getByText("Benefits, payroll and equipment is required")).toBeVisible();
  await expect(page.getByRole("status")).toHaveCount(0);
  await page.getByRole("link", { name: "Back to rollup" }).click();

  // Sorted by name; compare two; the cost line shows the new overhead; back lands on the same order.
  await page.getByRole("link", { name: "Who" }).click();
  await expect(page).toHaveURL(/sort=name/);
  await page.getByRole("checkbox", { name: `Compare ${hire.name}` }).check();
  await page.getByRole("checkbox", { name: `Compare ${other.name}` }).check();
  await page.getByRole("button", { name: "Compare selected" }).click();
  const costRow = page.getByRole("row", { name: /Estimated first-year cost/ });
  const overheadAmount = `$${Math.round(hire.pay * 0.4).toLocaleString("en-US")}`;
  await expect(costRow).toContainText(`Benefits, payroll, equipment: ${overheadAmount} (40% of salary)`);
  await expect(page.getByText(/Cost assumptions \(this role\): overhead 40%/)).toBeVisible();
  // Same period, so no warning to act on and no second full-year figure repeating the first.
  await expect(costRow).toContainText("Covers 2,000 h of work (about 12 months full time)");
  await expect(page.getByText(/Not like for like/)).toHaveCount(0);
  await expect(costRow.getByText(/A full year \(2,000 h\) at this rate/)).toHaveCount(0);
  await page.getByRole("link", { name: "Back to rollup" }).click();
  await expect(page).toHaveURL(/\/rollup\?sort=name&dir=asc$/);
  await expect(page.getByRole("columnheader", { name: "Who" })).toHaveAttribute("aria-sort", "ascending");
});

test("a hiring manager ticks candidates on two pages of a big role's rollup and compares them together", async ({
  page,
  signInAs,
}) => {
  const db = openDb();
  const role = db.prepare("select id from roles where title = ?").get("Senior AI Engineer, Support Copilot") as {
    id: number;
  };
  // Enough people at 'sourced' for a second page of 20.
  const free = db
    .prepare(
      "select id from candidates where id not in (select candidate_id from applications where role_id = ? and candidate_id is not null) order by id limit 10",
    )
    .all(role.id) as { id: number }[];
  const now = Date.now();
  const add = db.prepare(
    "insert into applications (role_id, candidate_id, stage, stage_changed_at, created_at, updated_at, version) values (?, ?, 'sourced', ?, ?, ?, 1)",
  );
  const added = free.map((c) => Number(add.run(role.id, c.id, now, now, now).lastInsertRowid));
  const count = (db.prepare("select count(*) n from applications where role_id = ?").get(role.id) as { n: number }).n;
  db.close();
  try {
    expect(count).toBeGreaterThan(20);
    await signInAs(demo.dana);
    await page.goto(`/roles/${role.id}/rollup?sort=name&dir=asc`);
    const names = page.locator("table.rollup tbody th[scope=row] a");
    const firstPageName = (await names.first().innerText()).trim();
    await page.getByRole("checkbox", { name: `Compare ${firstPageName}` }).check();
    await expect(page.locator(".actions [role=status]")).toContainText(
      `1 picked: ${firstPageName}. Tick at least 1 more.`,
    );
    await expect(page.getByRole("button", { name: "Compare selected" })).toBeDisabled();

    await page.getByRole("link", { name: "Next →" }).click();
    await expect(page.getByText("Page 2 of")).toBeVisible();
    const secondPageName = (await names.last().innerText()).trim();
    await page.getByRole("checkbox", { name: `Compare ${secondPageName}` }).check();
    await expect(page.locator(".actions [role=status]")).toContainText(
      `2 picked: ${firstPageName}, ${secondPageName} (1 not on this page)`,
    );
    await page.screenshot({ path: "test-results/screens/rollup-picks.png", fullPage: true });

    await page.getByRole("button", { name: "Compare selected" }).click();
    await expect(page.getByRole("heading", { level: 1, name: /^Compare:/ })).toBeVisible();
    await expect(page.getByRole("columnheader", { name: firstPageName })).toBeVisible();
    await expect(page.getByRole("columnheader", { name: secondPageName })).toBeVisible();

    // Back on the rollup's second page the tick is still there; clearing empties the pick.
    await page.getByRole("link", { name: "Back to rollup" }).click();
    await expect(page.getByText("Page 2 of")).toBeVisible();
    await expect(page.getByRole("checkbox", { name: `Compare ${secondPageName}` })).toBeChecked();
    await page.getByRole("button", { name: "Clear ticks" }).click();
    await expect(page.getByRole("checkbox", { name: `Compare ${secondPageName}` })).not.toBeChecked();
    await expect(page.locator(".actions [role=status]")).toHaveText("");
    await expect(page.getByRole("button", { name: "Clear ticks" })).toHaveCount(0);
  } finally {
    // The server's database is shared by the journeys that follow: take the extra applications out again.
    const cleanup = openDb();
    cleanup.prepare(`delete from applications where id in (${added.map(() => "?").join(",")})`).run(...added);
    cleanup.close();
  }
});

test("a hiring manager steps through the rollup's stage filter with the arrow keys and the list reloads once, when she pauses", async ({
  page,
  signInAs,
}) => {
  const db = openDb();
  const role = db.prepare("select id from roles where title = ?").get("Senior AI Engineer, Support Copilot") as {
    id: number;
  };
  const finals = (
    db.prepare("select count(*) n from applications where role_id = ? and stage = 'final'").get(role.id) as {
      n: number;
    }
  ).n;
  db.close();
  await signInAs(demo.dana);
  await page.goto(`/roles/${role.id}/rollup`);
  await expect(page.getByRole("heading", { name: "Funnel" })).toBeVisible();
  const loads: string[] = [];
  page.on("request", (r) => {
    if (r.url().includes("/rollup.data")) loads.push(new URL(r.url()).searchParams.get("stage") ?? "");
  });
  const stage = page.getByRole("combobox", { name: "Stage" });
  await stage.focus();
  // All stages → All open stages → Sourced → Screening → Interviewing → Take-home → Final.
  for (let i = 0; i < 6; i++) await stage.press("ArrowDown");
  await expect(stage).toHaveValue("final");
  await expect(page).toHaveURL(/stage=final/);
  await expect(page.locator("table.rollup caption")).toContainText(`${finals} candidate`);
  // What the filters found is in a status region, so a screen reader hears it when the list reloads.
  await expect(page.locator("p.visually-hidden[role=status]")).toHaveText(new RegExp(`^${finals} candidate`));
  expect(loads).toEqual(["final"]);
  // Focus stayed on the picker, and Enter applies the next step at once.
  await expect(stage).toBeFocused();
  await stage.press("ArrowDown");
  await stage.press("Enter");
  await expect(page).toHaveURL(/stage=offer/);
  expect(loads).toEqual(["final", "offer"]);
  // A pick with the mouse applies at once.
  await page.getByRole("combobox", { name: "Engagement" }).selectOption("full_time");
  await expect(page).toHaveURL(/engagement=full_time/);
});

test("on a 320 px screen the home page, the role page and its rollup fit the width, and at 1280 px the rollup shows every column; the rollup's charts take no tab stops and its missing checks open from the keyboard", async ({
  page,
  signInAs,
}) => {
  const db = openDb();
  const role = db.prepare("select id from roles where title = ?").get("Senior AI Engineer, Support Copilot") as {
    id: number;
  };
  db.close();
  await signInAs(demo.dana);
  await page.setViewportSize({ width: 320, height: 800 });
  for (const path of ["/", `/roles/${role.id}`, `/roles/${role.id}/rollup`]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    // Wide boards, charts and tables scroll inside their own boxes; the page itself does not scroll sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  }
  await expect(page.locator("figure.chart svg").first()).toBeVisible();
  await expect(page.locator('figure.chart [tabindex]:not([tabindex="-1"])')).toHaveCount(0);
  // The per-area chart's figures are in its caption for anyone who cannot see the bars.
  await expect(page.locator("figure.chart figcaption")).toContainText(/Role average: Production systems \d/);
  await page.setViewportSize({ width: 1280, height: 800 });
  // On a laptop's 1280 px every column, the cost last, shows without scrolling sideways.
  const cost = (await page.getByRole("columnheader", { name: "First-year cost" }).boundingBox())!;
  expect(cost.x + cost.width).toBeLessThanOrEqual(1280);
  const fits = await page
    .locator("table.rollup")
    .evaluate((t) => t.scrollWidth <= t.closest(".table-wrap")!.clientWidth);
  expect(fits).toBe(true);
  // A total resting on one scorecard says so beside it; the Cards column agrees.
  const headers = await page.locator("table.rollup thead th").allInnerTexts();
  const [totalAt, cardsAt] = [headers.findIndex((h) => h.startsWith("Weighted")), headers.indexOf("Cards")];
  const rows = page.locator("table.rollup tbody tr");
  let thin = 0;
  let flagged = 0;
  for (let i = 0; i < (await rows.count()); i++) {
    const cells = rows.nth(i).locator("th, td");
    const [total, cards] = [await cells.nth(totalAt).innerText(), await cells.nth(cardsAt).innerText()];
    if (!/^\d/.test(total)) continue;
    expect(total.includes("only 1 scorecard"), `${total} from ${cards} cards`).toBe(cards === "1");
    if (cards === "1") thin++;
    // A must-pass area under the bar is shaded in its cell and flagged by the total, which it does not change.
    const shaded = await rows.nth(i).locator("td.below-cell").count();
    expect(total.includes("must-pass flag"), total).toBe(shaded > 0);
    if (shaded) flagged++;
  }
  expect(thin).toBeGreaterThan(0);
  expect(flagged).toBeGreaterThan(0);
  await expect(page.getByRole("columnheader", { name: "Production systems must pass" })).toBeVisible();
  await expect(page.getByRole("columnheader", { name: "Data readiness", exact: true })).toBeVisible();
  // Dana grades one of this role's take-homes, but she manages the role: she knows the candidate, so nobody on her
  // rollup hides under an alias (a manager is never locked out of her own role).
  const masked = page
    .locator("table.rollup tbody tr")
    .filter({ has: page.getByRole("rowheader", { name: /^Candidate [A-Z]{2}-\d{2}/ }) });
  await expect(masked).toHaveCount(0);
  // A tick near the top keeps its bar in view, far above the table's foot where the bar sits.
  await page.setViewportSize({ width: 1280, height: 700 });
  await page.locator("table.rollup tbody input[type=checkbox]").first().check();
  await page.locator("table.rollup thead").scrollIntoViewIfNeeded();
  await expect(page.locator(".compare-bar [role=status]")).toContainText("1 picked");
  await expect(page.locator(".compare-bar [role=status]")).toBeInViewport();
  await page.getByRole("button", { name: "Clear ticks" }).click();
  const missing = page.locator("table.rollup details summary").first();
  await missing.focus();
  await page.keyboard.press("Enter");
  await expect(page.locator("table.rollup details[open]").first()).toContainText(
    /NDA|IP assignment|Worker classification|Background check/,
  );
});
