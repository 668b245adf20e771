// Splits terminal input (what xterm.js reports: typed text, pastes, escape sequences) into
// editing keys for the prompt. Pure; tested in Node.

/** Key kinds. */
export const KEY = {
  text: "text", enter: "enter", backspace: "backspace", del: "delete", left: "left", right: "right", up: "up", down: "down",
  home: "home", end: "end", tab: "tab", interrupt: "interrupt", eof: "eof", clear: "clear", killBefore: "kill-before",
  killAfter: "kill-after", killWord: "kill-word", escape: "escape", ignored: "ignored",
} as const;

/** One key kind. */
export type KeyKind = (typeof KEY)[keyof typeof KEY];

const SEQ: Record<string, KeyKind> = {
  "\x1b[A": KEY.up, "\x1b[B": KEY.down, "\x1b[C": KEY.right, "\x1b[D": KEY.left, "\x1bOA": KEY.up, "\x1bOB": KEY.down,
  "\x1bOC": KEY.right, "\x1bOD": KEY.left, "\x1b[H": KEY.home, "\x1b[F": KEY.end, "\x1bOH": KEY.home, "\x1bOF": KEY.end,
  "\x1b[1~": KEY.home, "\x1b[4~": KEY.end, "\x1b[3~": KEY.del,
};
const CTRL: Record<string, KeyKind> = {
  "\r": KEY.enter, "\n": KEY.enter, "\x7f": KEY.backspace, "\b": KEY.backspace, "\t": KEY.tab, "\x03": KEY.interrupt,
  "\x04": KEY.eof, "\x0c": KEY.clear, "\x01": KEY.home, "\x05": KEY.end, "\x15": KEY.killBefore, "\x0b": KEY.killAfter,
  "\x17": KEY.killWord, "\x02": KEY.left, "\x06": KEY.right, "\x10": KEY.up, "\x0e": KEY.down,
};

/** The keys in one chunk of input, in order (runs of plain text stay together). */
export function keys(data: string): { kind: KeyKind; raw: string }[] {
  const out: { kind: KeyKind; raw: string }[] = [];
  let i = 0;
  while (i < data.length) {
    const c = data[i];
    if (c === "\x1b") {
      const m = /^\x1b(\[[0-9;]*[A-Za-z~]|O[A-Za-z])/.exec(data.slice(i));
      if (m) { out.push({ kind: SEQ[m[0]] ?? KEY.ignored, raw: m[0] }); i += m[0].length; continue; }
      out.push({ kind: KEY.escape, raw: c });
      i++;
      continue;
    }
    if (CTRL[c]) {
      // A pasted "\r\n" is one Enter.
      if (c === "\r" && data[i + 1] === "\n") i++;
      out.push({ kind: CTRL[c], raw: c });
      i++;
      continue;
    }
    if (c < " ") { out.push({ kind: KEY.ignored, raw: c }); i++; continue; }
    let j = i;
    while (j < data.length && data[j] >= " " && data[j] !== "\x7f" && data[j] !== "\x1b") j++;
    out.push({ kind: KEY.text, raw: data.slice(i, j) });
    i = j;
  }
  return out;
}
