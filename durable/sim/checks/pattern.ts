// Matching an author's pattern against text for checks: the pattern was vetted by schema/checks.ts
// (no backreferences, no nested quantifiers) and every subject line is capped, so a check cannot
// hang the sandbox. Also quotes text for explanations.

/** Longest line a pattern is matched against. */
export const MAX_LINE = 4096;

/** The compiled pattern. */
export function compile(pattern: string): RegExp {
  return new RegExp(pattern);
}

/** The first line of `text` that matches, if any. */
export function firstMatchingLine(re: RegExp, text: string): string | undefined {
  for (const line of text.split("\n").slice(0, 10_000)) if (re.test(line.slice(0, MAX_LINE))) return line;
  return undefined;
}

/** Text shortened for an explanation. */
export function clip(text: string, max = 160): string {
  const one = text.replace(/\s+$/, "");
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}
