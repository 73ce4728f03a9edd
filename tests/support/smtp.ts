// A real SMTP server for tests (smtp-server) on a free loopback port. It keeps
// every message it accepts, raw and parsed (mailparser), or refuses each one
// with a temporary error when asked to.
import { simpleParser, type ParsedMail } from "mailparser";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

export type ReceivedMail = { envelopeTo: string[]; raw: string; parsed: ParsedMail };

export type TestSmtpServer = {
  url: string;
  received: ReceivedMail[];
  /** While set, every message is refused with this SMTP error (a 4xx keeps it for a retry). */
  refuse: { message: string; responseCode: number } | null;
  close: () => Promise<void>;
};

/** On `port` (0: any free one) of the loopback interface. */
export async function startSmtpServer(port = 0): Promise<TestSmtpServer> {
  const state: TestSmtpServer = { url: "", received: [], refuse: null, close: async () => {} };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        if (state.refuse) {
          callback(Object.assign(new Error(state.refuse.message), { responseCode: state.refuse.responseCode }));
          return;
        }
        const raw = Buffer.concat(chunks).toString("utf8");
        simpleParser(raw).then(
          (parsed) => {
            state.received.push({ envelopeTo: session.envelope.rcptTo.map((r) => r.address), raw, parsed });
            callback();
          },
          (error: Error) => callback(error),
        );
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const bound = (server.server.address() as AddressInfo).port;
  state.url = `smtp://127.0.0.1:${bound}`;
  state.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return state;
}
