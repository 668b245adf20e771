// Secret rules: type defaults to Opaque and is immutable; stringData is folded into data
// (base64) on write, as the apiserver does.
import { invalid } from "../../../../schema/validation/field-error";
import { genericStrategy } from "./generic";
import { clone, type Json, type Strategy } from "./types";

const base = genericStrategy({ namespaced: true, kind: "Secret" });

function b64(s: string): string {
  const bytes = new TextEncoder().encode(s);
  let bin = "";
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin);
}

function normalize(obj: Json): Json {
  const s = clone(obj);
  if (!s.type) s.type = "Opaque";
  if (s.stringData) {
    s.data = { ...(s.data ?? {}) };
    for (const [k, v] of Object.entries<string>(s.stringData)) s.data[k] = b64(String(v));
    delete s.stringData;
  }
  return s;
}

/** The Secret strategy. */
export const secretStrategy: Strategy = {
  ...base,
  prepareForCreate: (obj, ctx) => base.prepareForCreate(normalize(obj), ctx),
  prepareForUpdate: (obj, old, ctx) => base.prepareForUpdate(normalize(obj), old, ctx),
  validateUpdate(obj, old, ctx) {
    const errs = base.validateUpdate(obj, old, ctx);
    if ((obj as Json).type !== (old as Json).type) errs.push(invalid("type", (obj as Json).type, "field is immutable"));
    return errs;
  },
};
