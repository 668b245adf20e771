// A pflag/cobra-compatible flag parser: --name=value, --name value, -n value, -nvalue, -n=value,
// combined boolean shorthands (-it), `--` ending flag parsing, flags interspersed with
// arguments, and pflag's error texts ("unknown flag: --x", "flag needs an argument: 'n' in -n").

/** The value kinds kubectl's flags use. */
export type FlagType = "bool" | "string" | "stringArray" | "stringSlice" | "int" | "duration";

/** One flag definition. */
export interface FlagSpec {
  name: string;
  short?: string;
  type: FlagType;
  /** Value used when the flag is absent. */
  def?: string | boolean | number | string[];
  /** Value when given without `=value` (pflag NoOptDefVal, e.g. --validate). */
  noOptDef?: string;
}

/** Parsed command line of one command. */
export interface ParsedFlags {
  /** Values by long name (defaults filled in). */
  values: Record<string, string | boolean | number | string[]>;
  /** Long names given on the command line. */
  changed: Set<string>;
  /** Positional arguments (including those after `--`). */
  args: string[];
  /** Index in `args` where `--` was seen, or -1 (cobra's ArgsLenAtDash). */
  dashAt: number;
}

/** Thrown for flag syntax problems; the caller adds cobra's "See ... --help" hint. */
export class FlagParseError extends Error {}

function flagLabel(f: FlagSpec): string {
  return f.short ? `-${f.short}, --${f.name}` : `--${f.name}`;
}

function goQuote(s: string): string {
  return JSON.stringify(s);
}

function setValue(f: FlagSpec, raw: string, out: ParsedFlags): void {
  const v = out.values;
  switch (f.type) {
    case "bool": {
      const t = ["1", "t", "T", "TRUE", "true", "True"].includes(raw);
      const fl = ["0", "f", "F", "FALSE", "false", "False"].includes(raw);
      if (!t && !fl) {
        throw new FlagParseError(`invalid argument ${goQuote(raw)} for ${goQuote(flagLabel(f))} flag: strconv.ParseBool: parsing ${goQuote(raw)}: invalid syntax`);
      }
      v[f.name] = t;
      break;
    }
    case "int": {
      if (!/^[+-]?\d+$/.test(raw)) {
        throw new FlagParseError(`invalid argument ${goQuote(raw)} for ${goQuote(flagLabel(f))} flag: strconv.ParseInt: parsing ${goQuote(raw)}: invalid syntax`);
      }
      v[f.name] = Number(raw);
      break;
    }
    case "stringArray": {
      const prev = out.changed.has(f.name) ? (v[f.name] as string[]) : [];
      v[f.name] = [...prev, raw];
      break;
    }
    case "stringSlice": {
      const prev = out.changed.has(f.name) ? (v[f.name] as string[]) : [];
      v[f.name] = [...prev, ...(raw === "" ? [] : raw.split(","))];
      break;
    }
    default:
      v[f.name] = raw;
  }
  out.changed.add(f.name);
}

/** Parses `args` against `specs` (pflag semantics, interspersed arguments allowed). */
export function parseFlags(args: string[], specs: FlagSpec[]): ParsedFlags {
  const byName = new Map(specs.map((s) => [s.name, s]));
  const byShort = new Map(specs.filter((s) => s.short).map((s) => [s.short!, s]));
  const out: ParsedFlags = { values: {}, changed: new Set(), args: [], dashAt: -1 };
  for (const s of specs) {
    out.values[s.name] = s.def ?? (s.type === "bool" ? false : s.type === "int" ? 0 : s.type === "stringArray" || s.type === "stringSlice" ? [] : "");
  }
  let i = 0;
  while (i < args.length) {
    const a = args[i++];
    if (a === "--") {
      out.dashAt = out.args.length;
      out.args.push(...args.slice(i));
      break;
    }
    if (a.startsWith("--") && a.length > 2) {
      const body = a.slice(2);
      if (body[0] === "-" || body[0] === "=") throw new FlagParseError(`bad flag syntax: ${a}`);
      const eq = body.indexOf("=");
      const name = (eq >= 0 ? body.slice(0, eq) : body).replace(/_/g, "-");
      const f = byName.get(name);
      if (!f) throw new FlagParseError(`unknown flag: --${name}`);
      let value: string;
      if (eq >= 0) value = body.slice(eq + 1);
      else if (f.type === "bool") value = "true";
      else if (f.noOptDef !== undefined) value = f.noOptDef;
      else if (i < args.length) value = args[i++];
      else throw new FlagParseError(`flag needs an argument: ${a}`);
      setValue(f, value, out);
      continue;
    }
    if (a.startsWith("-") && a.length > 1) {
      let shorts = a.slice(1);
      while (shorts.length) {
        const c = shorts[0];
        const f = byShort.get(c);
        if (!f) throw new FlagParseError(`unknown shorthand flag: '${c}' in ${a}`);
        let value: string;
        if (shorts.length > 2 && shorts[1] === "=") {
          value = shorts.slice(2);
          shorts = "";
        } else if (f.type === "bool" || f.noOptDef !== undefined) {
          value = f.type === "bool" ? "true" : f.noOptDef!;
          shorts = shorts.slice(1);
        } else if (shorts.length > 1) {
          value = shorts.slice(1);
          shorts = "";
        } else if (i < args.length) {
          value = args[i++];
          shorts = "";
        } else {
          throw new FlagParseError(`flag needs an argument: '${c}' in ${a}`);
        }
        setValue(f, value, out);
      }
      continue;
    }
    out.args.push(a);
  }
  return out;
}

/** Typed accessors over ParsedFlags. */
export class Flags {
  constructor(readonly parsed: ParsedFlags) {}

  /** A string flag. */
  str(name: string): string {
    return String(this.parsed.values[name] ?? "");
  }

  /** A boolean flag. */
  bool(name: string): boolean {
    return this.parsed.values[name] === true;
  }

  /** An int flag. */
  int(name: string): number {
    return Number(this.parsed.values[name] ?? 0);
  }

  /** A string array/slice flag. */
  list(name: string): string[] {
    return (this.parsed.values[name] as string[] | undefined) ?? [];
  }

  /** Whether the flag was given. */
  changed(name: string): boolean {
    return this.parsed.changed.has(name);
  }

  /** Positional arguments. */
  get args(): string[] {
    return this.parsed.args;
  }

  /** True when `--` came before any positional argument (cobra ArgsLenAtDash() == 0). */
  dashAtZero(): boolean {
    return this.parsed.dashAt === 0;
  }

  /** Arguments after `--` (empty when there was none). */
  afterDash(): string[] {
    return this.parsed.dashAt < 0 ? [] : this.parsed.args.slice(this.parsed.dashAt);
  }

  /** Arguments before `--`. */
  beforeDash(): string[] {
    return this.parsed.dashAt < 0 ? this.parsed.args : this.parsed.args.slice(0, this.parsed.dashAt);
  }
}
