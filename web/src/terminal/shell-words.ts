// Command-line parsing for the web terminal, like a POSIX shell but only as far as the tutorial
// needs: words with '…', "…" and \ quoting, pipelines split on unquoted |, heredocs (<<EOF,
// <<'EOF', <<-EOF) and a > redirection. Pure; tested in Node.

/** One stage of a pipeline: its words and an optional `> file` redirection. */
export interface Stage { words: string[]; redirect?: string }

/** A parsed command line. */
export interface CommandLine { stages: Stage[]; heredoc?: { delimiter: string; stripTabs: boolean } }

/** Splits text into words, honouring quotes; `|` outside quotes is its own word. */
export function splitWords(text: string): { words: string[]; open: boolean } {
  const words: string[] = [];
  let cur = "";
  let has = false;
  let quote: "'" | '"' | "" = "";
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = "";
      else if (c === "\\" && quote === '"' && i + 1 < text.length && '"\\$`'.includes(text[i + 1])) cur += text[++i];
      else cur += c;
      continue;
    }
    if (c === "'" || c === '"') { quote = c; has = true; continue; }
    if (c === "\\" && i + 1 < text.length) { cur += text[++i]; has = true; continue; }
    if (c === " " || c === "\t") {
      if (has) { words.push(cur); cur = ""; has = false; }
      continue;
    }
    if (c === "|" || c === ">") {
      if (has) { words.push(cur); cur = ""; has = false; }
      words.push(c === "|" ? "\u0000|" : "\u0000>");
      continue;
    }
    if (c === "<" && text[i + 1] === "<") {
      if (has) { words.push(cur); cur = ""; has = false; }
      words.push("\u0000<<");
      i++;
      if (text[i + 1] === "-") { words.push("\u0000-"); i++; }
      continue;
    }
    cur += c;
    has = true;
  }
  if (has) words.push(cur);
  return { words, open: quote !== "" };
}

/** Parses a line into pipeline stages and an optional heredoc request. */
export function parseLine(line: string): CommandLine {
  const { words } = splitWords(line);
  const stages: Stage[] = [{ words: [] }];
  let heredoc: CommandLine["heredoc"];
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    const stage = stages[stages.length - 1];
    if (w === "\u0000|") stages.push({ words: [] });
    else if (w === "\u0000>") stage.redirect = words[++i];
    else if (w === "\u0000<<") {
      let stripTabs = false;
      if (words[i + 1] === "\u0000-") { stripTabs = true; i++; }
      const delimiter = words[++i];
      if (delimiter) heredoc = { delimiter, stripTabs };
    } else stage.words.push(w);
  }
  return { stages: stages.filter((s) => s.words.length || s.redirect), heredoc };
}

/** Quotes a word for a kubectl command line if it needs it. */
export function quoteWord(w: string): string {
  if (w !== "" && /^[\w@%+=:,./{}\[\]-]+$/.test(w)) return w;
  return `'${w.replace(/'/g, `'\\''`)}'`;
}

/** Joins words back into one command line. */
export function joinWords(words: string[]): string {
  return words.map(quoteWord).join(" ");
}
