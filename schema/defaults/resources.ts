// Quantity defaulting of ResourceLists: SetDefaults_ResourceList rounds every value up to milli
// precision, and serialization writes the canonical string (`cpu: 1` → "1", `0.5` → "500m").
import { formatQuantity, parseQuantity, roundUp } from "../quantity";
import { isObj } from "./json";

/** Canonicalizes every quantity of a ResourceList in place (rounded up to milli by default). */
export function defaultResourceList(list: unknown, roundToMilli = true): void {
  if (!isObj(list)) return;
  for (const [k, v] of Object.entries(list)) {
    if (typeof v !== "string" && typeof v !== "number") continue;
    const q = parseQuantity(v);
    if (q) list[k] = formatQuantity(roundToMilli ? roundUp(q, -3) : q);
  }
}
