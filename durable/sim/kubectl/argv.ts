// Splits a command line the way a POSIX shell would for a simple command: whitespace separates
// words; single quotes, double quotes (with \" \\ \$ \` escapes) and backslashes group them.
// Used by runKubectl to turn the web terminal's / notebook's text into argv.

/** The words of a command line, or an error for an unterminated quote. */
export function splitCommandLine(line: string): { argv: string[] } | { error: string } {
  const argv: string[] = [];
  let cur = "";
  let inWord = false;
  let i = 0;
  while (i < line.length) {
    const c = line[i];
    if (c === " " || c === "\t" || c === "\n" || c === "\r") {
      if (inWord) argv.push(cur);
      cur = "";
      inWord = false;
      i++;
      continue;
    }
    inWord = true;
    if (c === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) return { error: "unexpected EOF while looking for matching `''" };
      cur += line.slice(i + 1, end);
      i = end + 1;
      continue;
    }
    if (c === '"') {
      i++;
      let closed = false;
      while (i < line.length) {
        const d = line[i];
        if (d === '"') {
          closed = true;
          i++;
          break;
        }
        if (d === "\\" && i + 1 < line.length && '"\\$`\n'.includes(line[i + 1])) {
          if (line[i + 1] !== "\n") cur += line[i + 1];
          i += 2;
          continue;
        }
        cur += d;
        i++;
      }
      if (!closed) return { error: 'unexpected EOF while looking for matching `"\'' };
      continue;
    }
    if (c === "\\") {
      if (i + 1 < line.length) {
        if (line[i + 1] !== "\n") cur += line[i + 1];
        i += 2;
      } else i++;
      continue;
    }
    cur += c;
    i++;
  }
  if (inWord) argv.push(cur);
  return { argv };
}
