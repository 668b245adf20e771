// $(VAR_NAME) expansion of command, args and env values (third_party/forked/golang/expansion),
// and the command/args vs ENTRYPOINT/CMD resolution of kuberuntime.

/** Expands `$(NAME)` references with `lookup`; `$$` escapes; unresolvable references stay as written. */
export function expand(input: string, lookup: (name: string) => string | undefined): string {
  let out = "";
  let i = 0;
  while (i < input.length) {
    const ch = input[i];
    if (ch !== "$" || i + 1 >= input.length) {
      out += ch;
      i++;
      continue;
    }
    const next = input[i + 1];
    if (next === "$") {
      out += "$";
      i += 2;
      continue;
    }
    if (next === "(") {
      const close = input.indexOf(")", i + 2);
      if (close < 0) {
        out += input.slice(i);
        break;
      }
      const name = input.slice(i + 2, close);
      const v = lookup(name);
      out += v === undefined ? `$(${name})` : v;
      i = close + 1;
      continue;
    }
    out += ch + next;
    i += 2;
  }
  return out;
}

/** The process argv: `command` replaces ENTRYPOINT, `args` replaces CMD, setting command drops CMD. */
export function resolveArgv(command: string[] | undefined, args: string[] | undefined,
  image: { entrypoint?: string[]; cmd?: string[] }): string[] {
  const cmd = command && command.length ? command : (image.entrypoint ?? []);
  const a = args && args.length ? args : command && command.length ? [] : (image.cmd ?? []);
  return [...cmd, ...a];
}
