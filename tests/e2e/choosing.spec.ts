import { demo, expect, test } from "./fixtures";

test("a hiring manager answers the routing questions and watches the advice turn to a freelancer for a short, owned spike", async ({
  page,
  signInAs,
}) => {
  await signInAs(demo.dana);
  await page.goto("/roles/new");
  await expect(page.getByRole("heading", { level: 1, name: "New role" })).toBeVisible();
  await page.getByLabel("Title").fill("Retrieval Spike, Claims Search");
  await page.getByLabel("Team", { exact: true }).fill("Claims Platform");
  await page.getByLabel("Location").fill("Remote (EU)");
  await page.getByLabel("Senior contractor").check();
  await page.getByLabel("Freelancer").check();

  const advice = page.getByRole("region", { name: "Suggested engagement" });
  await expect(advice).toContainText("Answer the routing questions");

  const answer = async (question: RegExp, value: "Yes" | "No") =>
    page.getByRole("group", { name: question }).getByLabel(value, { exact: true }).check();
  // A bounded piece of LLM work with nothing to own afterwards: an AI developer, before the scope is known.
  await answer(/custom-trained models/, "No");
  await answer(/hosted model APIs/, "Yes");
  await answer(/data access, cleaning or lineage/, "No");
  await answer(/own monitoring, drift/, "No");
  await answer(/bounded feature/, "Yes");
  await answer(/core product advantage/, "No");
  await expect(advice.locator(".suggestion")).toHaveText("AI developer / senior product engineer");
  await expect(advice).toContainText("These decide whether a freelancer fits");

  // Six weeks, but nobody inside to review the code: still not a freelancer, and it says why.
  await page.getByLabel("How many weeks do you expect the work to run?").fill("6");
  await answer(/own the architecture and review the code/, "No");
  await expect(advice.locator(".suggestion")).not.toHaveText("Freelancer");
  await expect(advice).toContainText("a freelancer would work unreviewed");

  // Someone inside owns the architecture: a short, owned spike goes to a freelancer.
  await answer(/own the architecture and review the code/, "Yes");
  await expect(advice.locator(".suggestion")).toHaveText("Freelancer");
  await expect(advice).toContainText("Narrow, short work with an owner inside");
  await expect(advice).toContainText("overruns by about 30%");
  const reasons = await advice.locator("ul.reasons").first().locator("li").allInnerTexts();
  expect(reasons[0]).toMatch(/^Narrow, short work with an owner inside/);
  await page.screenshot({ path: "test-results/screens/role-form-advice.png", fullPage: true });

  // Drop freelancers from the models considered: the advice says it lies outside them.
  await page.getByLabel("Freelancer").uncheck();
  await expect(advice).toContainText("Freelancer is not among the models this role considers (senior contractor)");
  await page.getByLabel("Freelancer").check();
  await expect(advice).not.toContainText("not among the models this role considers");

  await page.getByRole("button", { name: "Create role" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Retrieval Spike, Claims Search" })).toBeVisible();
  const saved = page.getByRole("region", { name: "Suggested engagement" });
  await expect(saved.locator(".suggestion")).toHaveText("Freelancer");
  await expect(saved.locator("ul.reasons").first().locator("li")).toHaveText(reasons);
  await expect(saved).toContainText("About 6 weeks");

  // The saved page shows the same advice without JavaScript.
  const url = page.url();
  const html = await (await page.context().request.get(url)).text();
  expect(html).toContain('class="suggestion"');
  expect(html).toMatch(/<p class="suggestion">(<span>)?Freelancer/);
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `test-results/screens/role-page-advice-${width}.png`, fullPage: true });
  }
});
