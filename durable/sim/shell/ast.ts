// The shell's abstract syntax tree: plain JSON data produced by parser.ts and walked by the
// interpreter (interp-*.ts). Every command node carries a numeric id unique within its script, so
// the interpreter's continuation frames can point at nodes by (script, id) and survive persistence.

/** A part of a word, before expansion. */
export type WordPart =
  | { t: "lit"; v: string }
  | { t: "sq"; v: string }
  | { t: "esc"; v: string }
  | { t: "dq"; parts: WordPart[] }
  | { t: "param"; name: string; op?: ParamOp; arg?: Word }
  | { t: "cmd"; id: number }
  | { t: "arith"; expr: Word }
  | { t: "tilde"; user: string };

/** Operators of ${name<op>arg}. `len` is ${#name}. */
export type ParamOp =
  | ":-" | "-" | ":=" | "=" | ":?" | "?" | ":+" | "+"
  | "#" | "##" | "%" | "%%" | "len" | "bad";

/** A shell word: concatenated parts. */
export interface Word {
  parts: WordPart[];
}

/** Redirection operators. */
export type RedirOp = "<" | ">" | ">>" | ">|" | "<>" | "<&" | ">&" | "<<" | "<<-" | "&>";

/** One redirection; `here` holds the body of a here-document. */
export interface Redir {
  fd?: number;
  op: RedirOp;
  target: Word;
  here?: { body: Word; quoted: boolean };
}

/** `name=value` prefix. */
export interface Assign {
  name: string;
  value: Word;
}

/** A command node. */
export type Node =
  | { t: "list"; id: number; items: { n: Node; bg: boolean }[] }
  | { t: "andor"; id: number; first: Node; rest: { op: "&&" | "||"; n: Node }[] }
  | { t: "pipe"; id: number; bang: boolean; cmds: Node[] }
  | { t: "simple"; id: number; line: number; assigns: Assign[]; words: Word[]; redirs: Redir[] }
  | { t: "group"; id: number; body: Node; redirs: Redir[] }
  | { t: "subshell"; id: number; body: Node; redirs: Redir[] }
  | { t: "if"; id: number; clauses: { cond: Node; body: Node }[]; else?: Node; redirs: Redir[] }
  | { t: "loop"; id: number; until: boolean; cond: Node; body: Node; redirs: Redir[] }
  | { t: "for"; id: number; name: string; words?: Word[]; body: Node; redirs: Redir[] }
  | { t: "case"; id: number; word: Word; items: CaseItem[]; redirs: Redir[] }
  | { t: "func"; id: number; name: string; body: Node };

/** One `pattern) body ;;` arm. */
export interface CaseItem {
  pats: Word[];
  body?: Node;
}

/** A top-level complete command and whether end-of-input directly followed it (dash's parser_eof). */
export interface TopCommand {
  node: Node;
  eof: boolean;
}

/** A syntax error found after the commands that parsed cleanly. */
export interface SyntaxErrorInfo {
  /** Message without the shell prefix, in dash wording (dialect.ts rewords it). */
  kind: "unexpected" | "unterminated" | "missing";
  token?: string;
  expecting?: string;
  what?: string;
  line: number;
}

/** A parsed script: its top-level commands, a node index, and the syntax error that ended parsing. */
export interface Script {
  cmds: TopCommand[];
  nodes: Node[];
  error?: SyntaxErrorInfo;
  /** Input ended inside an unfinished construct (interactive shells read another line). */
  incomplete?: boolean;
}
