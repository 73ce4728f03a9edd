import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as editRole from "~/routes/roles.$roleId.edit";
import * as rolePage from "~/routes/roles.$roleId._index";
import * as newRole from "~/routes/roles.new";
import { getDb, schema } from "~/utils/db.server";
import { cookieFor, get, invoke, post, totalChanges, userIdByEmail } from "../support/http";

function spike(overrides: Record<string, string | string[]> = {}) {
  return {
    title: "Retrieval Spike, Claims Search",
    team: "Claims Platform",
    location: "Remote (EU)",
    headcount: "1",
    status: "draft",
    engagementModels: ["contractor", "freelancer"],
    currency: "USD",
    hiringManagerIds: [String(userIdByEmail("dana@northwind.test"))],
    qCustomModels: "no",
    qHostedApis: "yes",
    qDataBlocker: "no",
    qLongTermOwnership: "no",
    qBoundedFeature: "yes",
    qInfraAdvantage: "no",
    qExpectedWeeks: "6",
    qInternalOwner: "yes",
    ...overrides,
  };
}

describe("the scope questions behind the freelancer rule", () => {
  it("stores the expected weeks and the internal owner, and the saved role is advised a freelancer", async () => {
    const cookie = await cookieFor("dana@northwind.test");
    const out = await invoke(newRole.action, post("/roles/new", spike(), { cookie }));
    expect(out.status).toBe(302);
    const id = Number(out.location?.match(/^\/roles\/(\d+)\?saved=created$/)?.[1]);
    const role = getDb().select().from(schema.roles).where(eq(schema.roles.id, id)).get()!;
    expect(role).toMatchObject({ qExpectedWeeks: 6, qInternalOwner: true });

    const page = await invoke(rolePage.loader, get(`/roles/${id}`, cookie), { roleId: String(id) });
    const { advice } = page.data as { advice: { suggested: string; outsideConsidered: string[] } };
    expect(advice).toMatchObject({ suggested: "freelancer", outsideConsidered: [] });

    const edit = await invoke(editRole.loader, get(`/roles/${id}/edit`, cookie), { roleId: String(id) });
    const { defaults } = edit.data as { defaults: Record<string, string> };
    expect(defaults).toMatchObject({ qExpectedWeeks: "6", qInternalOwner: "yes", qDataBlocker: "no" });
  });

  it("keeps both unanswered when left blank", async () => {
    const cookie = await cookieFor("dana@northwind.test");
    const out = await invoke(
      newRole.action,
      post("/roles/new", spike({ title: "Unscoped", qExpectedWeeks: "", qInternalOwner: "" }), { cookie }),
    );
    const id = Number(out.location?.match(/^\/roles\/(\d+)/)?.[1]);
    const role = getDb().select().from(schema.roles).where(eq(schema.roles.id, id)).get()!;
    expect(role).toMatchObject({ qExpectedWeeks: null, qInternalOwner: null });
    const page = await invoke(rolePage.loader, get(`/roles/${id}`, cookie), { roleId: String(id) });
    expect((page.data as { advice: { suggested: string } }).advice.suggested).not.toBe("freelancer");
  });

  it("refuses weeks that are not a whole number of at least one, writing nothing", async () => {
    const cookie = await cookieFor("dana@northwind.test");
    const changes = totalChanges();
    for (const [weeks, message] of [
      ["six", "Expected weeks must be a whole number"],
      ["0", "Expected weeks must be at least 1"],
      ["1000", "Expected weeks must be at most 520"],
    ]) {
      const out = await invoke(newRole.action, post("/roles/new", spike({ qExpectedWeeks: weeks }), { cookie }));
      expect(out.status).toBe(400);
      expect((out.data as { fieldErrors: Record<string, string[]> }).fieldErrors.qExpectedWeeks).toEqual([message]);
    }
    expect(totalChanges()).toBe(changes);
  });
});
