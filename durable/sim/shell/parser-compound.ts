// Compound commands of the shell grammar: if/elif/else, while/until, for and case, parsed on the
// Parser of parser.ts (which dispatches here from command()).
import type { CaseItem, Node, Word } from "./ast";
import { plainText } from "./lexer";
import { ParseError, Parser } from "./parser";

/** if ... then ... [elif ...] [else ...] fi */
export function parseIf(p: Parser): Node {
  p.lx.next();
  const clauses: { cond: Node; body: Node }[] = [];
  let els: Node | undefined;
  for (;;) {
    const cond = p.compoundList(["then"]);
    p.expectKw("then");
    const body = p.compoundList(["elif", "else", "fi"]);
    clauses.push({ cond, body });
    const t = p.lx.next();
    if (p.isKw(t, "elif")) continue;
    if (p.isKw(t, "else")) { els = p.compoundList(["fi"]); p.expectKw("fi"); break; }
    if (p.isKw(t, "fi")) break;
    throw p.unexpected(t, '"fi"');
  }
  return p.add({ t: "if", clauses, else: els, redirs: p.redirList() });
}

/** while/until ... do ... done */
export function parseLoop(p: Parser, until: boolean): Node {
  p.lx.next();
  const cond = p.compoundList(["do"]);
  p.expectKw("do");
  const body = p.compoundList(["done"]);
  p.expectKw("done");
  return p.add({ t: "loop", until, cond, body, redirs: p.redirList() });
}

/** for name [in words]; do ... done */
export function parseFor(p: Parser): Node {
  p.lx.next();
  const nt = p.lx.next();
  const name = nt.k === "word" ? plainText(nt.w) : undefined;
  if (!name || !Parser.NAME.test(name)) throw new ParseError({ kind: "unexpected", what: `Bad for loop variable`, line: nt.line }, false);
  p.linebreak();
  let words: Word[] | undefined;
  if (p.isKw(p.lx.peek(), "in")) {
    p.lx.next();
    words = [];
    for (;;) {
      const t = p.lx.peek();
      if (t.k !== "word") break;
      p.lx.next();
      words.push(t.w);
    }
    const sep = p.lx.next();
    if (!(sep.k === "op" && (sep.v === ";" || sep.v === "\n"))) throw p.unexpected(sep, '"do"');
  } else {
    const t = p.lx.peek();
    if (t.k === "op" && t.v === ";") p.lx.next();
  }
  p.linebreak();
  p.expectKw("do");
  const body = p.compoundList(["done"]);
  p.expectKw("done");
  return p.add({ t: "for", name, words, body, redirs: p.redirList() });
}

/** case word in pattern) ... ;; esac */
export function parseCase(p: Parser): Node {
  p.lx.next();
  const wt = p.lx.next();
  if (wt.k !== "word") throw p.unexpected(wt, "word");
  p.linebreak();
  p.expectKw("in");
  const items: CaseItem[] = [];
  for (;;) {
    p.linebreak();
    let t = p.lx.peek();
    if (p.isKw(t, "esac")) { p.lx.next(); break; }
    if (t.k === "op" && t.v === "(") { p.lx.next(); t = p.lx.peek(); }
    const pats: Word[] = [];
    for (;;) {
      const w = p.lx.next();
      if (w.k !== "word") throw p.unexpected(w, '")"');
      pats.push(w.w);
      const s = p.lx.next();
      if (s.k === "op" && s.v === "|") continue;
      if (s.k === "op" && s.v === ")") break;
      throw p.unexpected(s, '")"');
    }
    p.linebreak();
    const u = p.lx.peek();
    let body: Node | undefined;
    if (!(u.k === "op" && u.v === ";;") && !p.isKw(u, "esac")) body = p.compoundList(["esac"]);
    items.push({ pats, body });
    const e = p.lx.next();
    if (e.k === "op" && e.v === ";;") continue;
    if (p.isKw(e, "esac")) break;
    throw p.unexpected(e, '";;"');
  }
  return p.add({ t: "case", word: wt.w, items, redirs: p.redirList() });
}
