-- Candidate search: an FTS5 index over name, email and skills, kept in step by triggers, so a write from any
-- connection (the app, a CLI, the seed) is searchable at once. unicode61 folds case in every script and, with
-- remove_diacritics 2, strips accents from Latin letters; the letters it leaves alone (ø, ł, ß, æ...) are spelled
-- out by the view below, as app/domain/search.ts spells out the query. Contentless: the text lives in candidates.
CREATE VIEW `candidate_search_text` AS SELECT id,
  replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(name, 'Ø', 'O'), 'ø', 'o'), 'Ł', 'L'), 'ł', 'l'), 'Đ', 'D'), 'đ', 'd'), 'Ð', 'D'), 'ð', 'd'), 'Þ', 'Th'), 'þ', 'th'), 'ẞ', 'SS'), 'ß', 'ss'), 'Æ', 'AE'), 'æ', 'ae'), 'Œ', 'OE'), 'œ', 'oe'), 'ı', 'i'), 'Ħ', 'H'), 'ħ', 'h') AS name,
  replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(email, 'Ø', 'O'), 'ø', 'o'), 'Ł', 'L'), 'ł', 'l'), 'Đ', 'D'), 'đ', 'd'), 'Ð', 'D'), 'ð', 'd'), 'Þ', 'Th'), 'þ', 'th'), 'ẞ', 'SS'), 'ß', 'ss'), 'Æ', 'AE'), 'æ', 'ae'), 'Œ', 'OE'), 'œ', 'oe'), 'ı', 'i'), 'Ħ', 'H'), 'ħ', 'h') AS email,
  replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(coalesce((SELECT group_concat(value, ' ') FROM json_each(candidates.skills)), ''), 'Ø', 'O'), 'ø', 'o'), 'Ł', 'L'), 'ł', 'l'), 'Đ', 'D'), 'đ', 'd'), 'Ð', 'D'), 'ð', 'd'), 'Þ', 'Th'), 'þ', 'th'), 'ẞ', 'SS'), 'ß', 'ss'), 'Æ', 'AE'), 'æ', 'ae'), 'Œ', 'OE'), 'œ', 'oe'), 'ı', 'i'), 'Ħ', 'H'), 'ħ', 'h') AS skills
FROM candidates;
--> statement-breakpoint
CREATE VIRTUAL TABLE `candidates_fts` USING fts5(name, email, skills, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2', prefix='1 2 3');
--> statement-breakpoint
CREATE TRIGGER `candidates_fts_insert` AFTER INSERT ON `candidates` BEGIN
  INSERT INTO candidates_fts(rowid, name, email, skills) SELECT id, name, email, skills FROM candidate_search_text WHERE id = new.id;
END;
--> statement-breakpoint
CREATE TRIGGER `candidates_fts_update` AFTER UPDATE OF name, email, skills ON `candidates` BEGIN
  DELETE FROM candidates_fts WHERE rowid = old.id;
  INSERT INTO candidates_fts(rowid, name, email, skills) SELECT id, name, email, skills FROM candidate_search_text WHERE id = new.id;
END;
--> statement-breakpoint
CREATE TRIGGER `candidates_fts_delete` AFTER DELETE ON `candidates` BEGIN
  DELETE FROM candidates_fts WHERE rowid = old.id;
END;
--> statement-breakpoint
INSERT INTO candidates_fts(rowid, name, email, skills) SELECT id, name, email, skills FROM candidate_search_text;
--> statement-breakpoint
-- Per role, a counter raised by every write that can change that role's derived figures (cachedDerived in
-- app/utils/cache.server.ts), from any connection. role_id 0 stands for every role. Drafts count for nothing;
-- ratings and amendments are written with their scorecard's row in one transaction (saveScorecard), whose trigger
-- counts them.
CREATE TRIGGER `roles_role_version_insert` AFTER INSERT ON `roles` BEGIN
  INSERT INTO role_versions(role_id, version) SELECT role_id, 1 FROM (SELECT new.id AS role_id) WHERE role_id IS NOT NULL ON CONFLICT(role_id) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `roles_role_version_update` AFTER UPDATE ON `roles` BEGIN
  INSERT INTO role_versions(role_id, version) SELECT role_id, 1 FROM (SELECT new.id AS role_id UNION SELECT old.id AS role_id) WHERE role_id IS NOT NULL ON CONFLICT(role_id) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `roles_role_version_delete` AFTER DELETE ON `roles` BEGIN
  INSERT INTO role_versions(role_id, version) SELECT role_id, 1 FROM (SELECT old.id AS role_id) WHERE role_id IS NOT NULL ON CONFLICT(role_id) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `scorecard_templates_role_version_insert` AFTER INSERT ON `scorecard_templates` BEGIN
  INSERT INTO role_versions(role_id, version) SELECT role_id, 1 FROM (SELECT new.role_id) WHERE role_id IS NOT NULL ON CONFLICT(role_id) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `scorecard_templates_role_version_update` AFTER UPDATE ON `scorecard_templates` BEGIN
  INSERT INTO role_versions(role_id, version) SELECT role_id, 1 FROM (SELECT new.role_id UNION SELECT old.role_id) WHERE role_id IS NOT NULL ON CONFLICT(role_id) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `scorecard_templates_role_version_delete` AFTER DELETE ON `scorecard_templates` BEGIN
  INSERT INTO role_versions(role_id, version) SELECT role_id, 1 FROM (SELECT old.role_id) WHERE role_id IS NOT NULL ON CONFLICT(role_id) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `applications_role_version_insert` AFTER INSERT ON `applications` BEGIN
  INSERT INTO role_versions(role_id, version) SELECT role_id, 1 FROM (SELECT new.role_id) WHERE role_id IS NOT NULL ON CONFLICT(role_id) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `applications_role_version_update` AFTER UPDATE ON `applications` BEGIN
  INSERT INTO role_versions(role_id, version) SELECT role_id, 1 FROM (SELECT new.role_id UNION SELECT old.role_id) WHERE role_id IS NOT NULL ON CONFLICT(role_id) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `applications_role_version_delete` AFTER DELETE ON `applications` BEGIN
  INSERT INTO role_versions(role_id, version) SELECT role_id, 1 FROM (SELECT old.role_id) WHERE role_id IS NOT NULL ON CONFLICT(role_id) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `agency_submissions_role_version_insert` AFTER INSERT ON `agency_submissions` BEGIN
  INSERT INTO role_versions(role_id, version) SELECT role_id, 1 FROM (SELECT new.role_id) WHERE role_id IS NOT NULL ON CONFLICT(role_id) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `agency_submissions_role_version_update` AFTER UPDATE ON `agency_submissions` BEGIN
  INSERT INTO role_versions(role_id, version) SELECT role_id, 1 FROM (SELECT new.role_id UNION SELECT old.role_id) WHERE role_id IS NOT NULL ON CONFLICT(role_id) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `agency_submissions_role_version_delete` AFTER DELETE ON `agency_submissions` BEGIN
  INSERT INTO role_versions(role_id, version) SELECT role_id, 1 FROM (SELECT old.role_id) WHERE role_id IS NOT NULL ON CONFLICT(role_id) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `role_offer_rules_role_version_insert` AFTER INSERT ON `role_offer_rules` BEGIN
  INSERT INTO role_versions(role_id, version) SELECT role_id, 1 FROM (SELECT new.role_id) WHERE role_id IS NOT NULL ON CONFLICT(role_id) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `role_offer_rules_role_version_update` AFTER UPDATE ON `role_offer_rules` BEGIN
  INSERT INTO role_versions(role_id, version) SELECT role_id, 1 FROM (SELECT new.role_id UNION SELECT old.role_id) WHERE role_id IS NOT NULL ON CONFLICT(role_id) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `role_offer_rules_role_version_delete` AFTER DELETE ON `role_offer_rules` BEGIN
  INSERT INTO role_versions(role_id, version) SELECT role_id, 1 FROM (SELECT old.role_id) WHERE role_id IS NOT NULL ON CONFLICT(role_id) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `role_offer_approvers_role_version_insert` AFTER INSERT ON `role_offer_approvers` BEGIN
  INSERT INTO role_versions(role_id, version) SELECT role_id, 1 FROM (SELECT new.role_id) WHERE role_id IS NOT NULL ON CONFLICT(role_id) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `role_offer_approvers_role_version_update` AFTER UPDATE ON `role_offer_approvers` BEGIN
  INSERT INTO role_versions(role_id, version) SELECT role_id, 1 FROM (SELECT new.role_id UNION SELECT old.role_id) WHERE role_id IS NOT NULL ON CONFLICT(role_id) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `role_offer_approvers_role_version_delete` AFTER DELETE ON `role_offer_approvers` BEGIN
  INSERT INTO role_versions(role_id, version) SELECT role_id, 1 FROM (SELECT old.role_id) WHERE role_id IS NOT NULL ON CONFLICT(role_id) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `role_team_role_version_insert` AFTER INSERT ON `role_team` BEGIN
  INSERT INTO role_versions(role_id, version) SELECT role_id, 1 FROM (SELECT 0 AS role_id) WHERE role_id IS NOT NULL ON CONFLICT(role_id) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `role_team_role_version_update` AFTER UPDATE ON `role_team` BEGIN
  INSERT INTO role_versions(role_id, version) SELECT role_id, 1 FROM (SELECT 0 AS role_id UNION SELECT 0 AS role_id) WHERE role_id IS NOT NULL ON CONFLICT(role_id) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `role_team_role_version_delete` AFTER DELETE ON `role_team` BEGIN
  INSERT INTO role_versions(role_id, version) SELECT role_id, 1 FROM (SELECT 0 AS role_id) WHERE role_id IS NOT NULL ON CONFLICT(role_id) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `interviews_role_version_insert` AFTER INSERT ON `interviews` BEGIN
  INSERT INTO role_versions(role_id, version) SELECT role_id, 1 FROM (SELECT role_id FROM applications WHERE id = new.application_id) WHERE role_id IS NOT NULL ON CONFLICT(role_id) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `interviews_role_version_update` AFTER UPDATE ON `interviews` BEGIN
  INSERT INTO role_versions(role_id, version) SELECT role_id, 1 FROM (SELECT role_id FROM applications WHERE id = new.application_id UNION SELECT role_id FROM applications WHERE id = old.application_id) WHERE role_id IS NOT NULL ON CONFLICT(role_id) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `interviews_role_version_delete` AFTER DELETE ON `interviews` BEGIN
  INSERT INTO role_versions(role_id, version) SELECT role_id, 1 FROM (SELECT role_id FROM applications WHERE id = old.application_id) WHERE role_id IS NOT NULL ON CONFLICT(role_id) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `stage_history_role_version_insert` AFTER INSERT ON `stage_history` BEGIN
  INSERT INTO role_versions(role_id, version) SELECT role_id, 1 FROM (SELECT role_id FROM applications WHERE id = new.application_id) WHERE role_id IS NOT NULL ON CONFLICT(role_id) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `stage_history_role_version_update` AFTER UPDATE ON `stage_history` BEGIN
  INSERT INTO role_versions(role_id, version) SELECT role_id, 1 FROM (SELECT role_id FROM applications WHERE id = new.application_id UNION SELECT role_id FROM applications WHERE id = old.application_id) WHERE role_id IS NOT NULL ON CONFLICT(role_id) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `stage_history_role_version_delete` AFTER DELETE ON `stage_history` BEGIN
  INSERT INTO role_versions(role_id, version) SELECT role_id, 1 FROM (SELECT role_id FROM applications WHERE id = old.application_id) WHERE role_id IS NOT NULL ON CONFLICT(role_id) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `decisions_role_version_insert` AFTER INSERT ON `decisions` BEGIN
  INSERT INTO role_versions(role_id, version) SELECT role_id, 1 FROM (SELECT role_id FROM applications WHERE id = new.application_id) WHERE role_id IS NOT NULL ON CONFLICT(role_id) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `decisions_role_version_update` AFTER UPDATE ON `decisions` BEGIN
  INSERT INTO role_versions(role_id, version) SELECT role_id, 1 FROM (SELECT role_id FROM applications WHERE id = new.application_id UNION SELECT role_id FROM applications WHERE id = old.application_id) WHERE role_id IS NOT NULL ON CONFLICT(role_id) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `decisions_role_version_delete` AFTER DELETE ON `decisions` BEGIN
  INSERT INTO role_versions(role_id, version) SELECT role_id, 1 FROM (SELECT role_id FROM applications WHERE id = old.application_id) WHERE role_id IS NOT NULL ON CONFLICT(role_id) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `offers_role_version_insert` AFTER INSERT ON `offers` BEGIN
  INSERT INTO role_versions(role_id, version) SELECT role_id, 1 FROM (SELECT role_id FROM applications WHERE id = new.application_id) WHERE role_id IS NOT NULL ON CONFLICT(role_id) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `offers_role_version_update` AFTER UPDATE ON `offers` BEGIN
  INSERT INTO role_versions(role_id, version) SELECT role_id, 1 FROM (SELECT role_id FROM applications WHERE id = new.application_id UNION SELECT role_id FROM applications WHERE id = old.application_id) WHERE role_id IS NOT NULL ON CONFLICT(role_id) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `offers_role_version_delete` AFTER DELETE ON `offers` BEGIN
  INSERT INTO role_versions(role_id, version) SELECT role_id, 1 FROM (SELECT role_id FROM applications WHERE id = old.application_id) WHERE role_id IS NOT NULL ON CONFLICT(role_id) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `offer_approvals_role_version_insert` AFTER INSERT ON `offer_approvals` BEGIN
  INSERT INTO role_versions(role_id, version) SELECT role_id, 1 FROM (SELECT a.role_id FROM offers f JOIN applications a ON a.id = f.application_id WHERE f.id = new.offer_id) WHERE role_id IS NOT NULL ON CONFLICT(role_id) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `offer_approvals_role_version_update` AFTER UPDATE ON `offer_approvals` BEGIN
  INSERT INTO role_versions(role_id, version) SELECT role_id, 1 FROM (SELECT a.role_id FROM offers f JOIN applications a ON a.id = f.application_id WHERE f.id = new.offer_id UNION SELECT a.role_id FROM offers f JOIN applications a ON a.id = f.application_id WHERE f.id = old.offer_id) WHERE role_id IS NOT NULL ON CONFLICT(role_id) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `offer_approvals_role_version_delete` AFTER DELETE ON `offer_approvals` BEGIN
  INSERT INTO role_versions(role_id, version) SELECT role_id, 1 FROM (SELECT a.role_id FROM offers f JOIN applications a ON a.id = f.application_id WHERE f.id = old.offer_id) WHERE role_id IS NOT NULL ON CONFLICT(role_id) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `interview_panel_role_version_insert` AFTER INSERT ON `interview_panel` BEGIN
  INSERT INTO role_versions(role_id, version) SELECT role_id, 1 FROM (SELECT a.role_id FROM interviews i JOIN applications a ON a.id = i.application_id WHERE i.id = new.interview_id) WHERE role_id IS NOT NULL ON CONFLICT(role_id) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `interview_panel_role_version_update` AFTER UPDATE ON `interview_panel` BEGIN
  INSERT INTO role_versions(role_id, version) SELECT role_id, 1 FROM (SELECT a.role_id FROM interviews i JOIN applications a ON a.id = i.application_id WHERE i.id = new.interview_id UNION SELECT a.role_id FROM interviews i JOIN applications a ON a.id = i.application_id WHERE i.id = old.interview_id) WHERE role_id IS NOT NULL ON CONFLICT(role_id) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `interview_panel_role_version_delete` AFTER DELETE ON `interview_panel` BEGIN
  INSERT INTO role_versions(role_id, version) SELECT role_id, 1 FROM (SELECT a.role_id FROM interviews i JOIN applications a ON a.id = i.application_id WHERE i.id = old.interview_id) WHERE role_id IS NOT NULL ON CONFLICT(role_id) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `scorecards_role_version_insert` AFTER INSERT ON `scorecards` WHEN new.status = 'submitted' BEGIN
  INSERT INTO role_versions(role_id, version) SELECT role_id, 1 FROM (SELECT a.role_id FROM interviews i JOIN applications a ON a.id = i.application_id WHERE i.id = new.interview_id) WHERE role_id IS NOT NULL ON CONFLICT(role_id) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `scorecards_role_version_update` AFTER UPDATE ON `scorecards` WHEN new.status = 'submitted' OR old.status = 'submitted' BEGIN
  INSERT INTO role_versions(role_id, version) SELECT role_id, 1 FROM (SELECT a.role_id FROM interviews i JOIN applications a ON a.id = i.application_id WHERE i.id = new.interview_id UNION SELECT a.role_id FROM interviews i JOIN applications a ON a.id = i.application_id WHERE i.id = old.interview_id) WHERE role_id IS NOT NULL ON CONFLICT(role_id) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `scorecards_role_version_delete` AFTER DELETE ON `scorecards` WHEN old.status = 'submitted' BEGIN
  INSERT INTO role_versions(role_id, version) SELECT role_id, 1 FROM (SELECT a.role_id FROM interviews i JOIN applications a ON a.id = i.application_id WHERE i.id = old.interview_id) WHERE role_id IS NOT NULL ON CONFLICT(role_id) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `take_homes_role_version_insert` AFTER INSERT ON `take_homes` BEGIN
  INSERT INTO role_versions(role_id, version) SELECT role_id, 1 FROM (SELECT o.role_id FROM applications a JOIN applications o ON o.id = a.id OR (a.candidate_id IS NOT NULL AND o.candidate_id = a.candidate_id) WHERE a.id = new.application_id) WHERE role_id IS NOT NULL ON CONFLICT(role_id) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `take_homes_role_version_update` AFTER UPDATE ON `take_homes` BEGIN
  INSERT INTO role_versions(role_id, version) SELECT role_id, 1 FROM (SELECT o.role_id FROM applications a JOIN applications o ON o.id = a.id OR (a.candidate_id IS NOT NULL AND o.candidate_id = a.candidate_id) WHERE a.id = new.application_id UNION SELECT o.role_id FROM applications a JOIN applications o ON o.id = a.id OR (a.candidate_id IS NOT NULL AND o.candidate_id = a.candidate_id) WHERE a.id = old.application_id) WHERE role_id IS NOT NULL ON CONFLICT(role_id) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `take_homes_role_version_delete` AFTER DELETE ON `take_homes` BEGIN
  INSERT INTO role_versions(role_id, version) SELECT role_id, 1 FROM (SELECT o.role_id FROM applications a JOIN applications o ON o.id = a.id OR (a.candidate_id IS NOT NULL AND o.candidate_id = a.candidate_id) WHERE a.id = old.application_id) WHERE role_id IS NOT NULL ON CONFLICT(role_id) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `take_home_graders_role_version_insert` AFTER INSERT ON `take_home_graders` BEGIN
  INSERT INTO role_versions(role_id, version) SELECT role_id, 1 FROM (SELECT o.role_id FROM applications a JOIN applications o ON o.id = a.id OR (a.candidate_id IS NOT NULL AND o.candidate_id = a.candidate_id) WHERE a.id = (SELECT application_id FROM take_homes WHERE id = new.take_home_id)) WHERE role_id IS NOT NULL ON CONFLICT(role_id) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `take_home_graders_role_version_update` AFTER UPDATE ON `take_home_graders` BEGIN
  INSERT INTO role_versions(role_id, version) SELECT role_id, 1 FROM (SELECT o.role_id FROM applications a JOIN applications o ON o.id = a.id OR (a.candidate_id IS NOT NULL AND o.candidate_id = a.candidate_id) WHERE a.id = (SELECT application_id FROM take_homes WHERE id = new.take_home_id) UNION SELECT o.role_id FROM applications a JOIN applications o ON o.id = a.id OR (a.candidate_id IS NOT NULL AND o.candidate_id = a.candidate_id) WHERE a.id = (SELECT application_id FROM take_homes WHERE id = old.take_home_id)) WHERE role_id IS NOT NULL ON CONFLICT(role_id) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `take_home_graders_role_version_delete` AFTER DELETE ON `take_home_graders` BEGIN
  INSERT INTO role_versions(role_id, version) SELECT role_id, 1 FROM (SELECT o.role_id FROM applications a JOIN applications o ON o.id = a.id OR (a.candidate_id IS NOT NULL AND o.candidate_id = a.candidate_id) WHERE a.id = (SELECT application_id FROM take_homes WHERE id = old.take_home_id)) WHERE role_id IS NOT NULL ON CONFLICT(role_id) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `take_home_grades_role_version_insert` AFTER INSERT ON `take_home_grades` WHEN new.status = 'submitted' BEGIN
  INSERT INTO role_versions(role_id, version) SELECT role_id, 1 FROM (SELECT a.role_id FROM take_homes t JOIN applications a ON a.id = t.application_id WHERE t.id = new.take_home_id) WHERE role_id IS NOT NULL ON CONFLICT(role_id) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `take_home_grades_role_version_update` AFTER UPDATE ON `take_home_grades` WHEN new.status = 'submitted' OR old.status = 'submitted' BEGIN
  INSERT INTO role_versions(role_id, version) SELECT role_id, 1 FROM (SELECT a.role_id FROM take_homes t JOIN applications a ON a.id = t.application_id WHERE t.id = new.take_home_id UNION SELECT a.role_id FROM take_homes t JOIN applications a ON a.id = t.application_id WHERE t.id = old.take_home_id) WHERE role_id IS NOT NULL ON CONFLICT(role_id) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `take_home_grades_role_version_delete` AFTER DELETE ON `take_home_grades` WHEN old.status = 'submitted' BEGIN
  INSERT INTO role_versions(role_id, version) SELECT role_id, 1 FROM (SELECT a.role_id FROM take_homes t JOIN applications a ON a.id = t.application_id WHERE t.id = old.take_home_id) WHERE role_id IS NOT NULL ON CONFLICT(role_id) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `compliance_checks_role_version_insert` AFTER INSERT ON `compliance_checks` BEGIN
  INSERT INTO role_versions(role_id, version) SELECT role_id, 1 FROM (SELECT role_id FROM applications WHERE id = new.application_id UNION SELECT role_id FROM applications WHERE candidate_id = new.candidate_id UNION SELECT role_id FROM applications WHERE agency_id = new.agency_id) WHERE role_id IS NOT NULL ON CONFLICT(role_id) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `compliance_checks_role_version_update` AFTER UPDATE ON `compliance_checks` BEGIN
  INSERT INTO role_versions(role_id, version) SELECT role_id, 1 FROM (SELECT role_id FROM applications WHERE id = new.application_id UNION SELECT role_id FROM applications WHERE candidate_id = new.candidate_id UNION SELECT role_id FROM applications WHERE agency_id = new.agency_id UNION SELECT role_id FROM applications WHERE id = old.application_id UNION SELECT role_id FROM applications WHERE candidate_id = old.candidate_id UNION SELECT role_id FROM applications WHERE agency_id = old.agency_id) WHERE role_id IS NOT NULL ON CONFLICT(role_id) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `compliance_checks_role_version_delete` AFTER DELETE ON `compliance_checks` BEGIN
  INSERT INTO role_versions(role_id, version) SELECT role_id, 1 FROM (SELECT role_id FROM applications WHERE id = old.application_id UNION SELECT role_id FROM applications WHERE candidate_id = old.candidate_id UNION SELECT role_id FROM applications WHERE agency_id = old.agency_id) WHERE role_id IS NOT NULL ON CONFLICT(role_id) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `candidates_role_version_update` AFTER UPDATE ON `candidates` BEGIN
  INSERT INTO role_versions(role_id, version) SELECT role_id, 1 FROM (SELECT role_id FROM applications WHERE candidate_id = new.id UNION SELECT role_id FROM applications WHERE candidate_id = old.id) WHERE role_id IS NOT NULL ON CONFLICT(role_id) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `agencies_role_version_update` AFTER UPDATE ON `agencies` BEGIN
  INSERT INTO role_versions(role_id, version) SELECT role_id, 1 FROM (SELECT role_id FROM applications WHERE agency_id = new.id UNION SELECT role_id FROM applications WHERE agency_id = old.id) WHERE role_id IS NOT NULL ON CONFLICT(role_id) DO UPDATE SET version = version + 1;
END;
