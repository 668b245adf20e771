// The namespace controllers of kube-controller-manager in one component: the service-account
// and root-CA publishers (a new namespace gets `default` and `kube-root-ca.crt`), and namespace
// deletion (delete everything inside, wait until it is gone, drop the finalizer, remove).
import { rootCaConfigMap, serviceAccountObject } from "../bootstrap/objects";
import type { Component, SimContext } from "../context";
import type { Timer } from "../core/timers";
import { RESOURCES, storeResource } from "../api/registry";
import type { StoreEvent } from "../store/types";

const REACT_MS = 15;
const RETRY_MS = 1000;

/** Namespace lifecycle controller. */
export class NamespaceController implements Component {
  constructor(private readonly ctx: SimContext) {}

  /** Reacts to namespace creation and deletion requests. */
  onStoreEvent(e: StoreEvent): void {
    if (e.resource !== "namespaces") return;
    const name = e.object.metadata.name!;
    if (e.type === "ADDED") this.ctx.timers.schedule(`ctrl.ns/publish/${name}`, this.ctx.now() + REACT_MS, "ctrl.ns.publish", name);
    if (e.type === "MODIFIED" && e.object.metadata.deletionTimestamp) {
      this.ctx.timers.scheduleEarliest(`ctrl.ns/delete/${name}`, this.ctx.now() + REACT_MS, "ctrl.ns.delete", name);
    }
  }

  /** Runs a publish or a deletion pass. */
  onTimer(t: Timer): void {
    const name = t.data as string;
    if (t.kind === "ctrl.ns.publish") this.publish(name);
    else if (t.kind === "ctrl.ns.delete") this.deletePass(name);
  }

  private publish(ns: string): void {
    const { store, rng } = this.ctx;
    const nsObj = store.get("namespaces", undefined, ns);
    if (!nsObj || nsObj.metadata.deletionTimestamp) return;
    const now = this.ctx.now();
    if (!store.get("serviceaccounts", ns, "default")) store.create("serviceaccounts", serviceAccountObject(ns, rng, now));
    if (!store.get("configmaps", ns, "kube-root-ca.crt")) store.create("configmaps", rootCaConfigMap(ns, rng, now));
  }

  private deletePass(ns: string): void {
    const { store } = this.ctx;
    const nsObj = store.get("namespaces", undefined, ns);
    if (!nsObj) return;
    let remaining = 0;
    for (const def of RESOURCES) {
      if (!def.namespaced || def.group === "metrics.k8s.io" || !def.verbs.includes("delete")) continue;
      const res = storeResource(def);
      for (const o of store.list(res, ns)) {
        remaining++;
        if (o.metadata.deletionTimestamp) continue;
        try {
          this.ctx.api.verbs.delete(def, ns, o.metadata.name!, {});
        } catch {
          // already gone
        }
      }
    }
    const left = RESOURCES.filter((d) => d.namespaced && d.group !== "metrics.k8s.io")
      .reduce((n, d) => n + store.list(storeResource(d), ns).length, 0);
    if (left === 0 || remaining === 0) {
      if (store.get("namespaces", undefined, ns)) store.delete("namespaces", undefined, ns);
      return;
    }
    this.ctx.timers.schedule(`ctrl.ns/delete/${ns}`, this.ctx.now() + RETRY_MS, "ctrl.ns.delete", ns);
  }
}
