// Worker-side HTTP helpers: Kubernetes Status errors and the ADMIN_TOKEN check.
import type { Context } from "hono";

/** A Kubernetes Status error response. */
export function status(c: Context, code: number, reason: string, message: string): Response {
  return new Response(JSON.stringify({ kind: "Status", apiVersion: "v1", metadata: {}, status: "Failure", message, reason, code }),
    { status: code, headers: { "content-type": "application/json" } });
}

/** With ADMIN_TOKEN configured, requires `Authorization: Bearer <token>`; returns the 401/403 or undefined. */
export function requireAdmin(c: Context<{ Bindings: Env }>): Response | undefined {
  const token = c.env.ADMIN_TOKEN;
  if (!token) return undefined;
  const auth = c.req.header("authorization") ?? "";
  if (!auth.startsWith("Bearer ")) return status(c, 401, "Unauthorized", "this podlab requires Authorization: Bearer <ADMIN_TOKEN> to create sandboxes");
  if (!timingSafeEqual(auth.slice(7), token)) return status(c, 403, "Forbidden", "invalid admin token");
  return undefined;
}

function timingSafeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let d = 0;
  for (let i = 0; i < a.length; i++) d |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return d === 0;
}
