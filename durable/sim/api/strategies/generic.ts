// Rules for resources without special behaviour (ConfigMaps, Leases, ServiceAccounts, ...):
// status is kept on update when the resource has one; validation covers object metadata.
import { validateObjectMetaBasic } from "./meta";
import { clone, type Strategy } from "./types";

/** A strategy that keeps `status` server-owned when `hasStatus`. */
export function genericStrategy(opts: { namespaced: boolean; hasStatus?: boolean; kind: string }): Strategy {
  return {
    hasStatus: opts.hasStatus,
    prepareForCreate: (obj) => clone(obj),
    validateCreate: (obj) => validateObjectMetaBasic(obj, opts.namespaced, "subdomain"),
    prepareForUpdate: (obj, old) => {
      const out = clone(obj);
      if (opts.hasStatus) {
        if (old.status === undefined) delete out.status;
        else out.status = clone(old.status);
      }
      return out;
    },
    validateUpdate: (obj) => validateObjectMetaBasic(obj, opts.namespaced, "subdomain"),
    prepareForStatusUpdate: (obj, old) => ({ ...clone(old), status: clone(obj.status) }),
  };
}
