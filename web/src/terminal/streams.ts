// The two streaming kubectl commands the terminal runs itself against the API: `get -w` (a
// Table list, then a Table watch printed row by row, resumed after a dropped connection) and
// `logs -f` (the followed log stream). Both end on Ctrl-C (the context's signal).
import { TABLE_ACCEPT, type Table } from "../api/sandbox-api";
import { readLines, readText } from "../api/line-stream";
import { WATCH } from "../states";
import { flag, isSet, type KubectlArgs } from "./kubectl-args";
import { resourceType } from "./kubectl-vocab";
import { podTarget } from "./pod-target";
import { headerLine, layout, rowLine, type Layout } from "./table-format";
import { serverError, statusOf, type RunContext } from "./term-io";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Can the terminal watch this itself? (Known type, table output.) */
export function canWatch(a: KubectlArgs): boolean {
  const out = flag(a, "-o", "--output");
  const typeWord = a.positionals[0]?.split("/")[0];
  return !!typeWord && !!resourceType(typeWord) && (out === undefined || out === "wide");
}

/** `kubectl get TYPE [NAME] -w`: prints the list, then one row per watch event until Ctrl-C. */
export async function watchGet(ctx: RunContext, a: KubectlArgs): Promise<number> {
  const [first, ...more] = a.positionals;
  const [typeWord, slashName] = first.split("/");
  const type = resourceType(typeWord)!;
  const all = isSet(a, "-A", "--all-namespaces");
  const ns = flag(a, "-n", "--namespace") ?? "default";
  const name = slashName ?? more[0];
  const base = `${type.path}${type.namespaced && !all ? `/namespaces/${encodeURIComponent(ns)}` : ""}/${type.name}`;
  const q = new URLSearchParams({ includeObject: "Object" });
  if (name) q.set("fieldSelector", `metadata.name=${name}`);
  const sel = flag(a, "-l", "--selector");
  if (sel) q.set("labelSelector", sel);
  const res = await ctx.api.fetch(`${base}?${q}`, { headers: { accept: TABLE_ACCEPT }, signal: ctx.signal });
  if (!res.ok) {
    ctx.io.out(serverError(await statusOf(res)));
    return 1;
  }
  const table = (await res.json()) as Table;
  const wide = flag(a, "-o", "--output") === "wide";
  const namespaced = all && type.namespaced;
  const rows = table.rows.map((r) => r.cells.map(String));
  const nsOf = (o?: Record<string, any>) => o?.metadata?.namespace ?? "";
  const l: Layout = layout(table.columnDefinitions ?? [], rows, { wide, namespace: namespaced, namespaces: table.rows.map((r) => nsOf(r.object)) });
  const watchOnly = isSet(a, "--watch-only");
  const noHeaders = isSet(a, "--no-headers");
  let headerShown = false;
  const header = () => {
    if (!headerShown && !noHeaders) ctx.io.out(`${headerLine(l)}\n`);
    headerShown = true;
  };
  if (!watchOnly) {
    if (!rows.length) ctx.io.out(all || !type.namespaced ? "No resources found\n" : `No resources found in ${ns} namespace.\n`);
    else {
      header();
      table.rows.forEach((r) => ctx.io.out(`${rowLine(l, r.cells.map(String), nsOf(r.object))}\n`));
    }
  }
  let rv = table.metadata.resourceVersion ?? "";
  while (!ctx.signal.aborted) {
    const wq = new URLSearchParams(q);
    wq.set("watch", "true");
    wq.set("resourceVersion", rv);
    wq.set("allowWatchBookmarks", "true");
    try {
      const w = await ctx.api.fetch(`${base}?${wq}`, { headers: { accept: TABLE_ACCEPT }, signal: ctx.signal });
      if (!w.ok) {
        ctx.io.out(serverError(await statusOf(w)));
        return 1;
      }
      let expired = false;
      await readLines(w, (line) => {
        const e = JSON.parse(line) as { type: string; object: any };
        if (e.type === WATCH.error) { expired = true; return; }
        if (e.type === WATCH.bookmark) { rv = e.object?.metadata?.resourceVersion ?? rv; return; }
        const row = (e.object as Table).rows?.[0];
        if (!row) return;
        rv = row.object?.metadata?.resourceVersion ?? rv;
        header();
        ctx.io.out(`${rowLine(l, row.cells.map(String), nsOf(row.object))}\n`);
      });
      if (expired) {
        ctx.io.out("error: watch expired (410): the resource version is too old; run the command again\n");
        return 1;
      }
    } catch {
      if (ctx.signal.aborted) break;
    }
    await sleep(300);
  }
  return 0;
}

/** `kubectl logs -f POD [-c C]`: streams the log until the container ends or Ctrl-C. */
export async function followLogs(ctx: RunContext, a: KubectlArgs): Promise<number> {
  const ns = flag(a, "-n", "--namespace") ?? "default";
  const target = await podTarget(ctx, ns, a.positionals[0], flag(a, "-c", "--container") ?? a.positionals[1], "logs");
  if (!target) return 1;
  const q = new URLSearchParams({ follow: "true", container: target.container });
  const tail = flag(a, "--tail");
  if (tail && tail !== "-1") q.set("tailLines", tail);
  if (isSet(a, "--timestamps")) q.set("timestamps", "true");
  if (isSet(a, "-p", "--previous")) q.set("previous", "true");
  const since = flag(a, "--since");
  if (since) {
    const m = /^(\d+)([smh])$/.exec(since);
    if (m) q.set("sinceSeconds", String(Number(m[1]) * ({ s: 1, m: 60, h: 3600 } as Record<string, number>)[m[2]]));
  }
  const path = `/api/v1/namespaces/${encodeURIComponent(ns)}/pods/${encodeURIComponent(target.pod)}/log?${q}`;
  const res = await ctx.api.fetch(path, { signal: ctx.signal });
  if (!res.ok) {
    ctx.io.out(serverError(await statusOf(res)));
    return 1;
  }
  try {
    await readText(res, (text) => ctx.io.out(text));
  } catch {
    if (!ctx.signal.aborted) return 1;
  }
  return 0;
}
