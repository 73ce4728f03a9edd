// The applications ticked for a comparison, kept per role in the tab's
// session storage so ticks survive paging, sorting and filtering the rollup.
// Without JavaScript the checkboxes are plain form fields and only the
// current page's ticks are sent.
import { useCallback, useEffect, useState } from "react";

export type ComparePick = { id: number; name: string };

export function useComparePicks(roleId: number) {
  const key = `compare-picks:${roleId}`;
  const [picked, setPicked] = useState<ComparePick[]>([]);
  useEffect(() => {
    try {
      const stored = JSON.parse(sessionStorage.getItem(key) ?? "[]");
      if (Array.isArray(stored))
        setPicked(stored.filter((p) => Number.isInteger(p?.id) && typeof p?.name === "string"));
    } catch {
      setPicked([]);
    }
  }, [key]);
  const save = useCallback(
    (next: ComparePick[]) => {
      setPicked(next);
      try {
        sessionStorage.setItem(key, JSON.stringify(next));
      } catch {
        // Storage full or refused: the ticks still hold for this page.
      }
    },
    [key],
  );
  return {
    picked,
    isPicked: (id: number) => picked.some((p) => p.id === id),
    toggle: (pick: ComparePick, on: boolean) =>
      save(on ? [...picked.filter((p) => p.id !== pick.id), pick] : picked.filter((p) => p.id !== pick.id)),
    clear: () => save([]),
  };
}
