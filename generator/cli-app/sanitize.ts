// Server text on its way to the user. On a terminal, control characters could move the cursor or
// rewrite earlier lines, and invisible or bidi characters could make one name look like another; in
// JSON, C1 and bidi characters are legal but just as misleading once a tool prints a value, and
// U+2028/2029 break JavaScript parsers that predate ES2019. The access token is redacted from both.

// C0 and C1 controls (DEL included) and the line/paragraph separators: they become a space.
const BREAKING = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;
// Zero-width and bidi formatting characters: they are removed. U+061C arabic letter mark, U+180E
// mongolian vowel separator, U+200B–200F zero-width space/joiners and LRM/RLM, U+202A–202E bidi
// embeddings and overrides, U+2060–2069 word joiner, invisible operators and bidi isolates, U+FEFF.
const INVISIBLE = /[\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;
// What --json writes as \uXXXX: DEL, C1, the separators, and every character of INVISIBLE.
const JSON_ESCAPED = /[\u007f-\u009f\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;

export const REDACTED = "[redacted]";

/**
 * Shortest secret redacted. A shorter one (the emulator takes any token, its docs use `x`) is a
 * substring of ordinary output (a letter, `name`, `true`), so replacing it would rewrite names, keys
 * and usage lines while hiding nothing worth hiding; real access tokens are far longer (Google's
 * OAuth ones run to over a hundred characters).
 */
export const MIN_SECRET_LENGTH = 8;

/** Every occurrence of each secret (of at least MIN_SECRET_LENGTH characters) replaced by `[redacted]`. */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) if (secret.length >= MIN_SECRET_LENGTH) out = out.split(secret).join(REDACTED);
  return out;
}

/**
 * Text from the server (or the user) as one safe line for a terminal: invisible and bidi characters
 * removed, controls and line separators turned into single spaces, trimmed, secrets redacted. The
 * secrets are redacted after stripping, so a token the server echoes with zero-width characters
 * inserted into it is still caught.
 */
export function terminalText(text: string, secrets: readonly string[] = []): string {
  return redact(text.replace(INVISIBLE, "").replace(BREAKING, " ").trim(), secrets);
}

/**
 * `JSON.stringify(value, null, 2)` with the secrets redacted from every string and key, and DEL, C1, bidi,
 * zero-width and U+2028/2029 characters written as `\uXXXX` escapes (the parsed value is unchanged).
 */
export function jsonText(value: unknown, secrets: readonly string[] = []): string {
  const text = JSON.stringify(value, (_key, v: unknown) => redactValue(v, secrets), 2);
  return (text ?? "null").replace(JSON_ESCAPED, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

function redactValue(v: unknown, secrets: readonly string[]): unknown {
  if (typeof v === "string") return redact(v, secrets);
  if (v === null || typeof v !== "object" || Array.isArray(v)) return v;
  const keys = Object.keys(v);
  if (!keys.some((k) => redact(k, secrets) !== k)) return v;
  return Object.fromEntries(keys.map((k) => [redact(k, secrets), (v as Record<string, unknown>)[k]]));
}
