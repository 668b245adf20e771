// Finding the reader's sandbox: reuse the one remembered in localStorage (if the server still
// knows it), otherwise create one with POST /api/sandboxes. Each storage key is one sandbox, so
// the full app and every embedded widget slot keep their own.

/** A sandbox as the client remembers it. */
export interface SandboxInfo { id: string; name: string; server: string; kubeconfig: string }

const PREFIX = "podlab.sandbox";

/** The localStorage key of the full app (no slot) or of one embed slot. */
export function storageKey(slot?: string): string {
  return slot ? `${PREFIX}.embed.${slot}` : PREFIX;
}

function remembered(key: string): SandboxInfo | undefined {
  try {
    const raw = localStorage.getItem(key);
    const v = raw ? (JSON.parse(raw) as SandboxInfo) : undefined;
    return v && typeof v.id === "string" && typeof v.kubeconfig === "string" ? v : undefined;
  } catch {
    return undefined;
  }
}

/** Rewrites a sandbox's URLs for the origin this page is served from. */
function localize(sb: SandboxInfo): SandboxInfo {
  const server = `${location.origin}/clusters/${sb.id}`;
  return { ...sb, server, kubeconfig: sb.kubeconfig.split(sb.server).join(server) };
}

/** Creates a new sandbox on the server. */
export async function createSandbox(): Promise<SandboxInfo> {
  const res = await fetch("/api/sandboxes", { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
  if (res.status !== 201) {
    const text = await res.text();
    let message = text;
    try { message = (JSON.parse(text) as { message?: string }).message ?? text; } catch { /* plain text */ }
    throw new Error(`POST /api/sandboxes: ${res.status} ${message}`);
  }
  return localize((await res.json()) as SandboxInfo);
}

/** The remembered sandbox if the server still has it, else a new one (remembered). */
export async function obtainSandbox(key: string, fresh = false): Promise<SandboxInfo> {
  const old = fresh ? undefined : remembered(key);
  if (old) {
    const res = await fetch(`/api/sandboxes/${encodeURIComponent(old.id)}`).catch(() => undefined);
    if (res?.ok) return localize(old);
    if (res && res.status !== 404) throw new Error(`GET /api/sandboxes: ${res.status}`);
  }
  const sb = await createSandbox();
  try { localStorage.setItem(key, JSON.stringify(sb)); } catch { /* storage full or blocked */ }
  return sb;
}

/** A kubectl one-liner for the sandbox (an empty kubeconfig, so no other cluster's credentials are sent). */
export function kubectlOneLiner(sb: SandboxInfo): string {
  return `kubectl --kubeconfig=/dev/null --server=${sb.server} get pods -A`;
}
