// The demo company's logins: who `npm start` prints for a demo database, and who
// db/seed.ts creates. Small, so the server keeps it while the seed itself is
// loaded only to seed.
export const DEMO_PASSWORD = "interview-loop-2026";

export const demoUsers = [
  { key: "admin", email: "morgan@northwind.test", name: "Morgan Patel", kind: "admin" },
  { key: "recruiter", email: "priya@northwind.test", name: "Priya Raman", kind: "recruiter" },
  { key: "dana", email: "dana@northwind.test", name: "Dana Whitfield", kind: "hiring_manager" },
  { key: "tomas", email: "tomas@northwind.test", name: "Tomás Okafor", kind: "hiring_manager" },
  { key: "sam", email: "sam@northwind.test", name: "Sam Chen", kind: "interviewer" },
  { key: "riley", email: "riley@northwind.test", name: "Riley Novak", kind: "interviewer" },
  { key: "jordan", email: "jordan@northwind.test", name: "Jordan Alvarez", kind: "interviewer" },
] as const;
