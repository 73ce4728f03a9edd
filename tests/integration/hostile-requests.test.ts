// Hostile and malformed bodies are refused before any route code runs, for
// every route that has an action (the server wraps each of them with
// guardAction; here the same wrapping is applied to the route modules).
import type { ActionFunction, ServerBuild } from "@remix-run/node";
import { afterEach, describe, expect, it, vi } from "vitest";
import { countFormFields, guardAction, guardActions, MAX_FORM_FIELDS } from "~/utils/action-guard.server";
import { formDataToValues } from "~/utils/forms";
import { context, invoke, ORIGIN } from "../support/http";
import { routes } from "../support/routes";

function urlencoded(fields: number): Request {
  const body = Array.from({ length: fields }, (_, i) => `f${i}=x`).join("&");
  return new Request(`${ORIGIN}/login`, {
    method: "POST",
    body,
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: ORIGIN },
  });
}

function multipart(body: string, contentType: string): Request {
  return new Request(`${ORIGIN}/candidates/import`, {
    method: "POST",
    body,
    headers: { "Content-Type": contentType, Origin: ORIGIN },
  });
}

afterEach(() => vi.restoreAllMocks());

describe("the form field cap", () => {
  it("refuses 40,000 fields on every route with an action with 413, without parsing a field or running the route", async () => {
    const build = { routes: {} } as unknown as ServerBuild;
    const ran: string[] = [];
    for (const [id, module] of Object.entries(routes)) {
      if (!module.action) continue;
      const action = module.action as ActionFunction;
      (build.routes as Record<string, unknown>)[id] = {
        id,
        module: { action: (args: Parameters<ActionFunction>[0]) => (ran.push(id), action(args)) },
      };
    }
    guardActions(build);
    const parse = vi.spyOn(Request.prototype, "formData");
    const ids = Object.keys(build.routes);
    expect(ids.length).toBeGreaterThan(15);
    for (const id of ids) {
      const outcome = await invoke(build.routes[id]!.module.action as never, urlencoded(40_000), {}, context());
      expect(outcome.status, id).toBe(413);
      expect(outcome.headers.get("Cache-Control"), id).toBe("no-store");
      expect(String(outcome.data)).toContain("more than 1,000 fields");
    }
    expect(parse).not.toHaveBeenCalled();
    expect(ran).toEqual([]);
  });

  it("lets a form at the cap through to the route", async () => {
    const action = vi.fn(async () => "reached");
    const outcome = await invoke(guardAction(action) as never, urlencoded(MAX_FORM_FIELDS));
    expect(outcome.data).toBe("reached");
    expect(action).toHaveBeenCalledOnce();
  });

  it("counts fields from the raw bytes", () => {
    const bytes = (s: string) => new TextEncoder().encode(s);
    expect(countFormFields("application/x-www-form-urlencoded", bytes(""))).toBe(0);
    expect(countFormFields("application/x-www-form-urlencoded", bytes("a=1&b=2&b=3"))).toBe(3);
    const body =
      '--XyZ\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--XyZ\r\nContent-Disposition: form-data; name="b"\r\n\r\n2\r\n--XyZ--\r\n';
    expect(countFormFields("multipart/form-data; boundary=XyZ", bytes(body))).toBe(2);
    expect(countFormFields('multipart/form-data; boundary="XyZ"', bytes(body))).toBe(2);
    expect(countFormFields("multipart/form-data", bytes(body))).toBeNull();
  });
});

describe("malformed bodies", () => {
  const action = vi.fn(async () => "reached");

  it("answers 400 to multipart with no boundary", async () => {
    const outcome = await invoke(guardAction(action) as never, multipart("--x\r\n", "multipart/form-data"));
    expect(outcome.status).toBe(400);
    expect(String(outcome.data)).toContain("no boundary");
  });

  it("answers 400 to a truncated multipart body", async () => {
    const truncated = '--XyZ\r\nContent-Disposition: form-data; name="a"\r\n\r\nhalf a val';
    const outcome = await invoke(
      guardAction(action) as never,
      multipart(truncated, "multipart/form-data; boundary=XyZ"),
    );
    expect(outcome.status).toBe(400);
    expect(String(outcome.data)).toContain("malformed");
    expect(action).not.toHaveBeenCalled();
  });
});

describe("form values in one pass", () => {
  it("keeps the first value of a field, every value of a group, skips files and Remix's own names", () => {
    const fd = new FormData();
    fd.append("name", "Ada");
    fd.append("name", "second");
    fd.append("ids", "1");
    fd.append("ids", "2");
    fd.append("cv", new Blob(["x"]), "cv.txt");
    fd.append("$ACTION_ID", "z");
    fd.append("__proto__", "polluted");
    const values = formDataToValues(fd, ["ids", "tags"]);
    expect(values).toEqual({ name: "Ada", ids: ["1", "2"], tags: [], cv: "" });
    expect(Object.getPrototypeOf(values)).toBe(Object.prototype);
  });

  it("reads 40,000 distinct names", () => {
    const fd = new FormData();
    for (let i = 0; i < 40_000; i++) fd.append(`f${i}`, String(i));
    const values = formDataToValues(fd);
    expect(Object.keys(values)).toHaveLength(40_000);
    expect(values.f39999).toBe("39999");
  });
});
