// Sandbox ids: 160 random bits from the platform CSPRNG, base32 (lowercase), so a sandbox URL
// is an unguessable capability; names are friendly and need not be unique.

const ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";

/** A new sandbox id (32 base32 characters = 160 bits). */
export function newSandboxId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(20));
  let bits = 0;
  let value = 0;
  let out = "";
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return out;
}

/** Whether a string looks like a sandbox id (cheap rejection before touching a Durable Object). */
export function isSandboxId(s: string): boolean {
  return /^[a-z2-7]{32}$/.test(s);
}

/** A friendly default name. */
export function defaultName(id: string): string {
  return `sandbox-${id.slice(0, 6)}`;
}
