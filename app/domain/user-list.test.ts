import { describe, expect, it } from "vitest";
import { pageWithin, userListFilterFromParams, userListParams, userSearchWords } from "./user-list";

describe("the users list's address", () => {
  it("reads a search, a kind and a status, and falls back to everyone for anything unknown", () => {
    expect(userListFilterFromParams(new URLSearchParams("q=+dana+&kind=recruiter&status=deactivated"))).toEqual({
      query: "dana",
      kind: "recruiter",
      status: "deactivated",
    });
    expect(userListFilterFromParams(new URLSearchParams("kind=owner&status=gone"))).toEqual({
      query: "",
      kind: "all",
      status: "all",
    });
    expect(userListFilterFromParams(new URLSearchParams(`q=${"a".repeat(300)}`)).query).toHaveLength(100);
  });

  it("writes back only what differs from showing everyone, so the pager keeps the filters", () => {
    expect(userListParams({ query: "", kind: "all", status: "all" })).toEqual({});
    expect(userListParams({ query: "lee", kind: "interviewer", status: "active" })).toEqual({
      q: "lee",
      kind: "interviewer",
      status: "active",
    });
    const filter = { query: "a b", kind: "admin", status: "all" } as const;
    expect(userListFilterFromParams(new URLSearchParams(userListParams(filter)))).toEqual(filter);
  });

  it("splits a search into at most 8 words", () => {
    expect(userSearchWords("  Dana   northwind ")).toEqual(["Dana", "northwind"]);
    expect(userSearchWords("a b c d e f g h i j")).toHaveLength(8);
    expect(userSearchWords("   ")).toEqual([]);
  });

  it("keeps the page within the pages there are", () => {
    expect(pageWithin("2", 120, 50)).toEqual({ page: 2, pageCount: 3 });
    expect(pageWithin("9", 120, 50)).toEqual({ page: 3, pageCount: 3 });
    expect(pageWithin(null, 0, 50)).toEqual({ page: 1, pageCount: 1 });
    expect(pageWithin("-1", 120, 50)).toEqual({ page: 1, pageCount: 3 });
    expect(pageWithin("1.7", 120, 50)).toEqual({ page: 1, pageCount: 3 });
    expect(pageWithin("abc", 120, 50)).toEqual({ page: 1, pageCount: 3 });
  });
});
