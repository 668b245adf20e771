// Command history of the terminal: Up/Down navigation that keeps the line being typed, and
// persistence in localStorage (last 200 commands).
const KEY = "podlab.history";
const MAX = 200;

/** The command history. */
export class History {
  private items: string[];
  private pos: number;
  private draft = "";

  constructor() {
    let saved: string[] = [];
    try { saved = JSON.parse(localStorage.getItem(KEY) ?? "[]") as string[]; } catch { /* none */ }
    this.items = Array.isArray(saved) ? saved.slice(-MAX) : [];
    this.pos = this.items.length;
  }

  /** Every command, oldest first. */
  all(): string[] {
    return [...this.items];
  }

  /** Records a submitted command. */
  add(cmd: string): void {
    if (this.items[this.items.length - 1] !== cmd) this.items.push(cmd);
    if (this.items.length > MAX) this.items.shift();
    this.pos = this.items.length;
    this.draft = "";
    try { localStorage.setItem(KEY, JSON.stringify(this.items)); } catch { /* full */ }
  }

  /** The previous command (Up); remembers the draft on first use. */
  prev(current: string): string {
    if (this.pos === this.items.length) this.draft = current;
    if (this.pos > 0) this.pos--;
    return this.items[this.pos] ?? current;
  }

  /** The next command (Down), or the draft past the newest. */
  next(): string {
    if (this.pos < this.items.length) this.pos++;
    return this.pos === this.items.length ? this.draft : this.items[this.pos];
  }
}
