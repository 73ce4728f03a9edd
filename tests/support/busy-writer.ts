// A second process writing to a database without pause, for
// tests/integration/backup.test.ts: each transaction adds a row to
// backup_probe and bumps backup_probe_total, so a consistent snapshot always
// has count(backup_probe) = backup_probe_total.n. Prints "writing" after its
// first commit, then writes until killed.
import Database from "better-sqlite3";

const path = process.argv[2];
const sqlite = new Database(path, { fileMustExist: true });
sqlite.pragma("journal_mode = WAL");
sqlite.pragma("busy_timeout = 5000");
sqlite.pragma("synchronous = FULL");
const insert = sqlite.prepare("insert into backup_probe (payload) values (randomblob(300))");
const bump = sqlite.prepare("update backup_probe_total set n = n + 1");
const write = sqlite.transaction(() => {
  insert.run();
  bump.run();
});

let announced = false;
function burst() {
  for (let i = 0; i < 20; i++) write();
  if (!announced) {
    announced = true;
    console.log("writing");
  }
  setImmediate(burst);
}
burst();
