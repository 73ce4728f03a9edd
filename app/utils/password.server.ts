// Password hashing with scrypt (N=2^17, r=8, p=1), always the async call so a
// login never blocks the event loop. Stored as scrypt$N$r$p$salt$hash.
import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from "node:crypto";
import { checkPassword, type PasswordCheck } from "~/domain/password-policy";
import { isCommonPassword } from "./common-passwords.server";

const N = 2 ** 17;
const r = 8;
const p = 1;
const KEY_LENGTH = 32;
// 128 * N * r bytes = 128 MiB; Node's default maxmem (32 MiB) would refuse it.
const MAX_MEM = 256 * 1024 * 1024;

function scrypt(password: string, salt: Buffer, keylen: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scryptCb(password.normalize("NFKC"), salt, keylen, options, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, KEY_LENGTH, { N, r, p, maxmem: MAX_MEM });
  return ["scrypt", N, r, p, salt.toString("base64"), key.toString("base64")].join("$");
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [algo, n, rr, pp, saltB64, keyB64] = stored.split("$");
  if (algo !== "scrypt" || !saltB64 || !keyB64) return false;
  const expected = Buffer.from(keyB64, "base64");
  const actual = await scrypt(password, Buffer.from(saltB64, "base64"), expected.length, {
    N: Number(n),
    r: Number(rr),
    p: Number(pp),
    maxmem: MAX_MEM,
  });
  return timingSafeEqual(actual, expected);
}

let dummyHash: Promise<string> | null = null;
/** Spend the same time on an unknown email as on a wrong password, so timing does not reveal accounts. */
export async function burnPasswordCheck(password: string): Promise<void> {
  dummyHash ??= hashPassword("timing-equaliser-not-a-real-password");
  await verifyPassword(password, await dummyHash);
}

export function checkNewPassword(password: string, who: { email?: string; name?: string } = {}): PasswordCheck {
  return checkPassword(password, { isCommon: isCommonPassword, ...who });
}
