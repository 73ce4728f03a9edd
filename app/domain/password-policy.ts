// Password rules: length and a check against common passwords. The list is
// injected so this module stays pure (the server passes the shipped dictionary).

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 200;

export type PasswordCheck = { ok: true } | { ok: false; message: string };

export function checkPassword(
  password: string,
  context: { isCommon: (candidate: string) => boolean; email?: string; name?: string },
): PasswordCheck {
  if (password.length < MIN_PASSWORD_LENGTH) {
    return { ok: false, message: `Use at least ${MIN_PASSWORD_LENGTH} characters.` };
  }
  if (password.length > MAX_PASSWORD_LENGTH) {
    return { ok: false, message: `Use at most ${MAX_PASSWORD_LENGTH} characters.` };
  }
  const lower = password.toLowerCase();
  if (new Set(lower).size <= 3) {
    return { ok: false, message: "Use more than three different characters." };
  }
  // Common passwords padded with digits or symbols ("password123!") are still common.
  const core = lower.replace(/[^a-z]+$/g, "").replace(/^[^a-z]+/g, "");
  if (context.isCommon(lower) || (core.length >= 4 && context.isCommon(core))) {
    return { ok: false, message: "This password is too common. Choose a longer phrase that is not a known password." };
  }
  const local = context.email?.split("@")[0]?.toLowerCase();
  if (local && local.length >= 4 && lower.includes(local)) {
    return { ok: false, message: "Do not build the password from your email address." };
  }
  return { ok: true };
}
