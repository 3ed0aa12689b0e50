// Everything the generator prints passes through terminalText: messages carry spec text (keys, $ref
// values, file names), and a spec must not be able to move the cursor, recolour, retitle or reorder
// the user's terminal. Control characters become visible escapes instead.

// C0 (tab and newline included: one message is one line), DEL, C1 (0x9b is a CSI by itself), the
// Unicode bidi controls, and the line and paragraph separators.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;

/** `text` with every unsafe character as `\xNN` or `\uNNNN`. */
export function terminalText(text: string): string {
  return text.replace(UNSAFE, (c) => {
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
  });
}
