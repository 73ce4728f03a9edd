import { describe, expect, it } from "vitest";
import { readsInNameOrder } from "./search";

describe("how a page of search results is read", () => {
  const page = (matches: number, candidates: number, offset = 0) =>
    readsInNameOrder({ matches, candidates, offset, pageSize: 25 });

  it("sorts the matches when they fit on a page or are rare, so a rare name never walks the whole index", () => {
    expect(page(0, 200_000)).toBe(false);
    expect(page(25, 200_000)).toBe(false);
    expect(page(20, 17_000)).toBe(false);
    expect(page(100, 200_000)).toBe(false);
  });

  it("walks the name index for a common name, on the small company's data and the large one's alike", () => {
    expect(page(800, 17_000)).toBe(true);
    expect(page(9_857, 200_000)).toBe(true);
    expect(page(9_857, 200_000, 9_850)).toBe(true);
  });

  it("turns to sorting when the walk to a page far down would pass more entries than the lookups cost", () => {
    expect(page(400, 200_000)).toBe(true);
    expect(page(400, 200_000, 375)).toBe(false);
  });
});
