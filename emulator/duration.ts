// google.protobuf.Duration in its JSON form: decimal seconds, up to nine fractional digits, "s".

const DURATION = /^(-?)(\d+)(?:\.(\d{1,9}))?s$/;

/** Milliseconds for a Duration string, or undefined when it is malformed. */
export function parseDurationMs(text: string): number | undefined {
  const m = DURATION.exec(text);
  if (!m) return undefined;
  const [, sign, seconds, fraction = ""] = m;
  const ms = Number(seconds) * 1000 + Number(fraction.padEnd(9, "0")) / 1e6;
  return sign === "-" ? -ms : ms;
}
