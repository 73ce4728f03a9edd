// `npm run user:create -- --email a@b.co --name "Ada Admin" [--kind admin]`
// (compiled: `node build/cli/user-create.js --email …`).
// Creates a user (the first admin of a real install). The password is read
// from USER_PASSWORD or asked for without echo.
import { parseArgs } from "node:util";
import { createInterface } from "node:readline";
import { Writable } from "node:stream";

function askHidden(question: string): Promise<string> {
  let muted = false;
  const output = new Writable({
    write(chunk, _enc, cb) {
      if (!muted) process.stdout.write(chunk);
      cb();
    },
  });
  const rl = createInterface({ input: process.stdin, output, terminal: true });
  return new Promise((resolve) => {
    rl.question(question, (answer) => {
      rl.close();
      process.stdout.write("\n");
      resolve(answer);
    });
    muted = true;
  });
}

const USAGE =
  'Usage: npm run user:create -- --email you@company.com --name "Your Name" [--kind admin|recruiter|hiring_manager|interviewer]\n' +
  "   or: node build/cli/user-create.js --email … --name … [--kind …]   (after npm run build)\n" +
  "The password is read from USER_PASSWORD or asked for without echo.";

async function main() {
  const { values } = parseArgs({
    options: {
      email: { type: "string" },
      name: { type: "string" },
      kind: { type: "string", default: "admin" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const { createUserSchema } = await import("~/schemas/user");
  const password = process.env.USER_PASSWORD ?? (await askHidden("Password (12+ characters): "));
  const parsed = createUserSchema.safeParse({
    email: values.email ?? "",
    name: values.name ?? "",
    kind: values.kind,
    password,
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) console.error(`${issue.path.join(".") || "input"}: ${issue.message}`);
    console.error(USAGE);
    process.exit(1);
  }
  const { getEnv } = await import("~/utils/env.server");
  const { prepareDatabase } = await import("~/utils/db.server");
  const { checkNewPassword, hashPassword } = await import("~/utils/password.server");
  const { createUser, isEmailTaken } = await import("~/models/user.server");
  await prepareDatabase({ seedDemo: false });
  const { email, name, kind } = parsed.data;
  const check = checkNewPassword(password, { email, name });
  if (!check.ok) {
    console.error(`password: ${check.message}`);
    process.exit(1);
  }
  if (isEmailTaken(email)) {
    console.error(`A user with email ${email} already exists.`);
    process.exit(1);
  }
  const id = createUser({ email, name, kind, passwordHash: await hashPassword(password) }, null);
  console.log(`Created ${kind} ${name} <${email}> (id ${id}) in ${getEnv().DATABASE_PATH}.`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
