// Validation of the simpler kinds: Namespace (DNS label name, finalizers), ConfigMap and Secret
// (subdomain names, data keys, 1 MiB limit, typed secrets' required keys) and a minimal Node
// (subdomain name, taints). Upstream order throughout; used by the API server's strategies.
import { type FieldError, invalid, notSupported, required, tooLong } from "./field-error";
import { isConfigMapKey, isQualifiedName, isValidLabelValue, byteLen } from "./names";
import { nameIsDNSSubdomain, validateLabelName, validateNamespaceName, validateObjectMeta } from "./object-meta";
import { arr, child, idx, isObj, obj, str } from "./util";

const MAX_SECRET_SIZE = 1024 * 1024;
const STANDARD_FINALIZERS = new Set(["kubernetes", "orphan", "foregroundDeletion"]);
const EFFECTS = ["NoSchedule", "PreferNoSchedule", "NoExecute"];

/** ValidateNamespace */
export function validateNamespace(ns: unknown): FieldError[] {
  const n = obj(ns);
  const errs = validateObjectMeta(n.metadata, false, validateNamespaceName, "metadata");
  for (const f of arr(obj(n.spec).finalizers)) {
    const name = str(f);
    errs.push(...isQualifiedName(name).map((m) => invalid("spec.finalizers", name, m)));
    if (!name.includes("/") && !STANDARD_FINALIZERS.has(name)) {
      errs.push(invalid("spec.finalizers", name, "name is neither a standard finalizer name nor is it fully qualified"));
    }
  }
  return errs;
}

/** ValidateConfigMap */
export function validateConfigMap(cm: unknown): FieldError[] {
  const c = obj(cm);
  const errs = validateObjectMeta(c.metadata, true, nameIsDNSSubdomain, "metadata");
  let total = 0;
  const binary = obj(c.binaryData);
  for (const [k, v] of Object.entries(obj(c.data))) {
    errs.push(...isConfigMapKey(k).map((m) => invalid(`data[${k}]`, k, m)));
    if (k in binary) errs.push(invalid(`data[${k}]`, k, "duplicate of key present in binaryData"));
    total += byteLen(str(v));
  }
  for (const [k, v] of Object.entries(binary)) {
    errs.push(...isConfigMapKey(k).map((m) => invalid(`binaryData[${k}]`, k, m)));
    total += Math.floor((str(v).length * 3) / 4);
  }
  if (total > MAX_SECRET_SIZE) errs.push(tooLong("", "", MAX_SECRET_SIZE));
  return errs;
}

const decodedLen = (b64: string) => Math.max(0, Math.floor((b64.length * 3) / 4) - (b64.endsWith("==") ? 2 : b64.endsWith("=") ? 1 : 0));

/** ValidateSecret (data already merged from stringData by defaulting). */
export function validateSecret(secret: unknown): FieldError[] {
  const s = obj(secret);
  const errs = validateObjectMeta(s.metadata, true, nameIsDNSSubdomain, "metadata");
  const data = obj(s.data);
  let total = 0;
  for (const [k, v] of Object.entries(data)) {
    errs.push(...isConfigMapKey(k).map((m) => invalid(`data[${k}]`, k, m)));
    total += decodedLen(str(v));
  }
  if (total > MAX_SECRET_SIZE) errs.push(tooLong("data", "", MAX_SECRET_SIZE));
  const need = (k: string) => { if (!(k in data)) errs.push(required(`data[${k}]`)); };
  switch (str(s.type)) {
    case "kubernetes.io/service-account-token":
      if (!str(obj(obj(s.metadata).annotations)["kubernetes.io/service-account.name"])) {
        errs.push(required("metadata.annotations[kubernetes.io/service-account.name]"));
      }
      break;
    case "kubernetes.io/dockercfg": need(".dockercfg"); break;
    case "kubernetes.io/dockerconfigjson": need(".dockerconfigjson"); break;
    case "kubernetes.io/basic-auth":
      if (!("username" in data) && !("password" in data)) { need("username"); need("password"); }
      break;
    case "kubernetes.io/ssh-auth": if (!str(data["ssh-privatekey"])) errs.push(required("data[ssh-privatekey]")); break;
    case "kubernetes.io/tls": need("tls.crt"); need("tls.key"); break;
    default:
  }
  return errs;
}

/** ValidateNode (metadata and taints; podCIDRs and status are the system's). */
export function validateNode(node: unknown): FieldError[] {
  const n = obj(node);
  const errs = validateObjectMeta(n.metadata, false, nameIsDNSSubdomain, "metadata");
  arr(obj(n.spec).taints).forEach((raw, i) => {
    const t = isObj(raw) ? raw : {};
    const p = idx("spec.taints", i);
    errs.push(...validateLabelName(str(t.key), child(p, "key")));
    if (t.value) errs.push(...isValidLabelValue(str(t.value)).map((m) => invalid(child(p, "value"), str(t.value), m)));
    const effect = str(t.effect);
    if (!effect) errs.push(required(child(p, "effect")));
    else if (!EFFECTS.includes(effect)) errs.push(notSupported(child(p, "effect"), effect, EFFECTS));
  });
  return errs;
}
