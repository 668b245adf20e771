// Persists a cluster snapshot in Durable Object SQLite as documents: one row per stored object
// (written only when the store marks it dirty), one per component state and one for the rest,
// each split into ≤1 MB chunks. Tested against an in-memory fake of the SQL storage.
import type { Cluster, ClusterSnapshot } from "./sim/cluster";
import type { KObject } from "./sim/store/types";

/** The part of DO SQL storage the persister uses (ctx.storage.sql or a fake). */
export interface SqlLike {
  exec(query: string, ...bindings: unknown[]): { toArray(): Record<string, unknown>[] };
}

const CHUNK = 1_000_000;

/** Loads and saves cluster snapshots. */
export class SnapshotPersister {
  private written = new Map<string, string>();

  constructor(private readonly sql: SqlLike) {
    sql.exec("CREATE TABLE IF NOT EXISTS docs (key TEXT NOT NULL, part INTEGER NOT NULL, value TEXT NOT NULL, PRIMARY KEY (key, part))");
  }

  /** Reads the stored snapshot, or undefined for a sandbox never initialised. */
  load(): ClusterSnapshot | undefined {
    const rows = this.sql.exec("SELECT key, part, value FROM docs ORDER BY key, part").toArray();
    if (!rows.length) return undefined;
    const docs = new Map<string, string>();
    for (const r of rows) docs.set(String(r.key), (docs.get(String(r.key)) ?? "") + String(r.value));
    const metaText = docs.get("meta");
    if (!metaText) return undefined;
    const meta = JSON.parse(metaText) as Omit<ClusterSnapshot, "store" | "components"> & { rv: number };
    const objects: Record<string, KObject[]> = {};
    const components: Record<string, unknown> = {};
    for (const [key, text] of docs) {
      this.written.set(key, text);
      if (key.startsWith("obj/")) {
        const rest = key.slice(4);
        const res = rest.slice(0, rest.indexOf("/"));
        (objects[res] ??= []).push(JSON.parse(text) as KObject);
      } else if (key.startsWith("comp/")) components[key.slice(5)] = JSON.parse(text);
    }
    const { rv, ...restMeta } = meta;
    return { ...restMeta, store: { rv, objects }, components } as ClusterSnapshot;
  }

  /** Writes what changed since the last save (everything when `full`). Returns bytes written. */
  save(cluster: Cluster, full = false): number {
    const snap = cluster.save();
    const { store, components, ...meta } = snap;
    let bytes = 0;
    bytes += this.put("meta", JSON.stringify({ ...meta, rv: store.rv }));
    for (const [name, state] of Object.entries(components)) bytes += this.put(`comp/${name}`, JSON.stringify(state));
    const dirty = cluster.ctx.store.takeDirty();
    if (full) {
      for (const [res, list] of Object.entries(store.objects)) {
        for (const o of list) bytes += this.put(objKey(res, keyOf(o)), JSON.stringify(o));
      }
    } else {
      for (const [res, key] of dirty) {
        const o = cluster.ctx.store.getByKey(res, key);
        if (o) bytes += this.put(objKey(res, key), JSON.stringify(o));
        else this.remove(objKey(res, key));
      }
    }
    return bytes;
  }

  /** Deletes everything (sandbox reset or expiry). */
  clear(): void {
    this.sql.exec("DELETE FROM docs");
    this.written.clear();
  }

  /** Total stored bytes (for quotas). */
  storedBytes(): number {
    let n = 0;
    for (const v of this.written.values()) n += v.length;
    return n;
  }

  private put(key: string, text: string): number {
    if (this.written.get(key) === text) return 0;
    this.sql.exec("DELETE FROM docs WHERE key = ?", key);
    for (let i = 0, part = 0; i < text.length || part === 0; i += CHUNK, part++) {
      this.sql.exec("INSERT INTO docs (key, part, value) VALUES (?, ?, ?)", key, part, text.slice(i, i + CHUNK));
    }
    this.written.set(key, text);
    return text.length;
  }

  private remove(key: string): void {
    if (!this.written.has(key)) return;
    this.sql.exec("DELETE FROM docs WHERE key = ?", key);
    this.written.delete(key);
  }
}

function keyOf(o: KObject): string {
  return o.metadata.namespace ? `${o.metadata.namespace}/${o.metadata.name}` : o.metadata.name!;
}

function objKey(res: string, key: string): string {
  return `obj/${res}/${key}`;
}
