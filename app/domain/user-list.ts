// The admin's list of users: what its address means. Paged, searched by name or email, filtered by kind and by
// whether the account can sign in. The database does the filtering, sorting and counting (app/models/user.server.ts).
import { userKinds, type UserKind } from "./reference";

export const USERS_PER_PAGE = 50;

export const userStatusFilters = ["all", "active", "deactivated"] as const;
export type UserStatusFilter = (typeof userStatusFilters)[number];
export const userStatusFilterLabels: Record<UserStatusFilter, string> = {
  all: "Active and deactivated",
  active: "Active",
  deactivated: "Deactivated",
};

/** At most this many characters, and this many words, of a search count. */
export const USER_SEARCH_MAX_LENGTH = 100;
export const USER_SEARCH_MAX_WORDS = 8;

export type UserListFilter = {
  /** Words the name or the email must each contain (case-insensitive for unaccented letters). */
  query: string;
  kind: UserKind | "all";
  status: UserStatusFilter;
};

/** The filter an address asks for; anything unknown falls back to showing everyone. */
export function userListFilterFromParams(params: URLSearchParams): UserListFilter {
  const kind = params.get("kind") ?? "";
  const status = params.get("status") ?? "";
  return {
    query: (params.get("q") ?? "").slice(0, USER_SEARCH_MAX_LENGTH).trim(),
    kind: (userKinds as readonly string[]).includes(kind) ? (kind as UserKind) : "all",
    status: (userStatusFilters as readonly string[]).includes(status) ? (status as UserStatusFilter) : "all",
  };
}

/** The filter as address parameters, leaving out what is the default (for the pager's links). */
export function userListParams(filter: UserListFilter): Record<string, string> {
  return {
    ...(filter.query ? { q: filter.query } : {}),
    ...(filter.kind !== "all" ? { kind: filter.kind } : {}),
    ...(filter.status !== "all" ? { status: filter.status } : {}),
  };
}

/** The words of a search, each of which must be found in the name or the email. */
export function userSearchWords(query: string): string[] {
  return query.trim().split(/\s+/u).filter(Boolean).slice(0, USER_SEARCH_MAX_WORDS);
}

/** The page to show: the one asked for, within 1..pageCount (a page past the end shows the last). */
export function pageWithin(requested: unknown, total: number, perPage: number): { page: number; pageCount: number } {
  const pageCount = Math.max(1, Math.ceil(total / perPage));
  const page = Math.min(Math.max(1, Math.floor(Number(requested)) || 1), pageCount);
  return { page, pageCount };
}
