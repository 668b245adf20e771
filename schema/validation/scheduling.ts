// Scheduling fields of a pod spec: tolerations, node/pod (anti-)affinity, label selectors and
// topology spread constraints (ValidateTolerations, validateAffinity, ValidateLabelSelector).
// Used by pod-spec.ts and by the update rule "only additions to existing tolerations".
import { type FieldError, duplicate, forbidden, invalid, notSupported, required } from "./field-error";
import { isValidLabelValue } from "./names";
import { validateLabelName, validateLabels, validateNamespaceName } from "./object-meta";
import { arr, child, idx, isObj, isSet, num, obj, type Obj, str } from "./util";

const EFFECTS = ["NoSchedule", "PreferNoSchedule", "NoExecute"];

/** ValidateTolerations */
export function validateTolerations(tolerations: unknown, path: string): FieldError[] {
  const errs: FieldError[] = [];
  arr(tolerations).forEach((raw, i) => {
    const t = obj(raw);
    const p = idx(path, i);
    const k = str(t.key);
    const op = str(t.operator);
    const effect = str(t.effect);
    if (k) errs.push(...validateLabelName(k, child(p, "key")));
    if (!k && op !== "Exists") {
      errs.push(invalid(child(p, "operator"), op, "operator must be Exists when `key` is empty, which means \"match all values and all keys\""));
    }
    if (isSet(t.tolerationSeconds) && effect !== "NoExecute") {
      errs.push(invalid(child(p, "effect"), effect, "effect must be 'NoExecute' when `tolerationSeconds` is set"));
    }
    if (op === "Equal" || op === "") {
      const msgs = isValidLabelValue(str(t.value));
      if (msgs.length) errs.push(invalid(child(p, "operator"), str(t.value), msgs.join(";")));
    } else if (op === "Exists") {
      if (str(t.value)) errs.push(invalid(child(p, "operator"), str(t.value), "value must be empty when `operator` is 'Exists'"));
    } else errs.push(notSupported(child(p, "operator"), op, ["Equal", "Exists"]));
    if (effect && !EFFECTS.includes(effect)) errs.push(notSupported(child(p, "effect"), effect, EFFECTS));
  });
  return errs;
}

function validateSelectorRequirement(rq: Obj, path: string, ops: "node" | "label"): FieldError[] {
  const errs: FieldError[] = [];
  const op = str(rq.operator);
  const values = arr(rq.values);
  if (op === "In" || op === "NotIn") {
    if (values.length === 0) errs.push(required(child(path, "values"), "must be specified when `operator` is 'In' or 'NotIn'"));
  } else if (op === "Exists" || op === "DoesNotExist") {
    if (values.length > 0) errs.push(forbidden(child(path, "values"), "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
  } else if (ops === "node" && (op === "Gt" || op === "Lt")) {
    if (values.length !== 1) errs.push(required(child(path, "values"), "must be specified single value when `operator` is 'Lt' or 'Gt'"));
  } else errs.push(invalid(child(path, "operator"), op, "not a valid selector operator"));
  errs.push(...validateLabelName(str(rq.key), child(path, "key")));
  values.forEach((v, j) => {
    for (const m of isValidLabelValue(str(v))) errs.push(invalid(idx(child(path, "values"), j), str(v), m));
  });
  return errs;
}

/** ValidateLabelSelector (metav1). */
export function validateLabelSelector(sel: unknown, path: string): FieldError[] {
  if (!isObj(sel)) return [];
  const errs = validateLabels(sel.matchLabels, child(path, "matchLabels"));
  arr(sel.matchExpressions).forEach((rq, j) => {
    errs.push(...validateSelectorRequirement(obj(rq), idx(child(path, "matchExpressions"), j), "label"));
  });
  return errs;
}

function validateNodeSelectorTerm(term: Obj, path: string): FieldError[] {
  const errs: FieldError[] = [];
  arr(term.matchExpressions).forEach((rq, j) => errs.push(...validateSelectorRequirement(obj(rq), idx(child(path, "matchExpressions"), j), "node")));
  arr(term.matchFields).forEach((rq, j) => {
    const r = obj(rq);
    const p = idx(child(path, "matchFields"), j);
    const op = str(r.operator);
    if (op === "In" || op === "NotIn") {
      if (arr(r.values).length !== 1) errs.push(required(child(p, "values"), "must be only one value when `operator` is 'In' or 'NotIn' for node field selector"));
    } else errs.push(invalid(child(p, "operator"), op, "not a valid selector operator"));
    if (str(r.key) !== "metadata.name") errs.push(invalid(child(p, "key"), str(r.key), "not a valid field selector key"));
  });
  return errs;
}

function validatePodAffinityTerm(term: Obj, path: string): FieldError[] {
  const errs = [
    ...validateLabelSelector(term.labelSelector, child(path, "labelSelector")),
    ...validateLabelSelector(term.namespaceSelector, child(path, "namespaceSelector")),
  ];
  for (const ns of arr(term.namespaces)) errs.push(...validateNamespaceName(str(ns), false).map((m) => invalid(child(path, "namespace"), str(ns), m)));
  if (!str(term.topologyKey)) errs.push(required(child(path, "topologyKey"), "can not be empty"));
  errs.push(...validateLabelName(str(term.topologyKey), child(path, "topologyKey")));
  return errs;
}

function validatePodAffinity(pa: Obj, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const req = child(path, "requiredDuringSchedulingIgnoredDuringExecution");
  arr(pa.requiredDuringSchedulingIgnoredDuringExecution).forEach((t, i) => errs.push(...validatePodAffinityTerm(obj(t), idx(req, i))));
  const pref = child(path, "preferredDuringSchedulingIgnoredDuringExecution");
  arr(pa.preferredDuringSchedulingIgnoredDuringExecution).forEach((w, i) => {
    const wt = obj(w);
    if (num(wt.weight) <= 0 || num(wt.weight) > 100) errs.push(invalid(child(idx(pref, i), "weight"), num(wt.weight), "must be in the range 1-100"));
    errs.push(...validatePodAffinityTerm(obj(wt.podAffinityTerm), child(idx(pref, i), "podAffinityTerm")));
  });
  return errs;
}

/** validateAffinity */
export function validateAffinity(affinity: unknown, path: string): FieldError[] {
  if (!isObj(affinity)) return [];
  const errs: FieldError[] = [];
  if (isObj(affinity.nodeAffinity)) {
    const na = affinity.nodeAffinity;
    const np = child(path, "nodeAffinity");
    if (isObj(na.requiredDuringSchedulingIgnoredDuringExecution)) {
      const tp = child(child(np, "requiredDuringSchedulingIgnoredDuringExecution"), "nodeSelectorTerms");
      const terms = arr(na.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms);
      if (terms.length === 0) errs.push(required(tp, "must have at least one node selector term"));
      else terms.forEach((t, i) => errs.push(...validateNodeSelectorTerm(obj(t), idx(tp, i))));
    }
    const pp = child(np, "preferredDuringSchedulingIgnoredDuringExecution");
    arr(na.preferredDuringSchedulingIgnoredDuringExecution).forEach((raw, i) => {
      const t = obj(raw);
      if (num(t.weight) <= 0 || num(t.weight) > 100) errs.push(invalid(child(idx(pp, i), "weight"), num(t.weight), "must be in the range 1-100"));
      errs.push(...validateNodeSelectorTerm(obj(t.preference), child(idx(pp, i), "preference")));
    });
  }
  if (isObj(affinity.podAffinity)) errs.push(...validatePodAffinity(affinity.podAffinity, child(path, "podAffinity")));
  if (isObj(affinity.podAntiAffinity)) errs.push(...validatePodAffinity(affinity.podAntiAffinity, child(path, "podAntiAffinity")));
  return errs;
}

/** validateTopologySpreadConstraints (the common rules). */
export function validateTopologySpreadConstraints(list: unknown, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const seen = new Set<string>();
  arr(list).forEach((raw, i) => {
    const c = obj(raw);
    const p = idx(path, i);
    if (num(c.maxSkew) <= 0) errs.push(invalid(child(p, "maxSkew"), num(c.maxSkew), "must be greater than zero"));
    const tk = str(c.topologyKey);
    if (!tk) errs.push(required(child(p, "topologyKey"), "can not be empty"));
    else errs.push(...validateLabelName(tk, child(p, "topologyKey")));
    const wu = str(c.whenUnsatisfiable);
    if (wu !== "DoNotSchedule" && wu !== "ScheduleAnyway") errs.push(notSupported(child(p, "whenUnsatisfiable"), wu, ["DoNotSchedule", "ScheduleAnyway"]));
    const pair = `${tk}/${wu}`;
    if (seen.has(pair)) errs.push(duplicate(p, `{${tk}, ${wu}}`));
    seen.add(pair);
    errs.push(...validateLabelSelector(c.labelSelector, child(p, "labelSelector")));
  });
  return errs;
}
