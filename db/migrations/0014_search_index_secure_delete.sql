-- Erasure must leave no trace of a candidate's words in the search index. FTS5's secure-delete option removes a
-- deleted row's entries from the index's pages at once (rather than marking them deleted until the next merge),
-- and secure_delete (db/client.ts) zeroes the pages that frees.
INSERT INTO candidates_fts(candidates_fts, rank) VALUES('secure-delete', 1);
