// Unpadded base64url (Go's base64.RawURLEncoding) over UTF-8 text: continue tokens, JWT parts.

/** Encodes text as unpadded base64url. */
export function encodeBase64Url(text: string): string {
  let bin = "";
  for (const b of new TextEncoder().encode(text)) bin += String.fromCharCode(b);
  return btoa(bin).replace(/=+$/, "").replace(/\+/g, "-").replace(/\//g, "_");
}

/** Decodes unpadded base64url text; throws Go's `illegal base64 data at input byte N`. */
export function decodeBase64Url(s: string): string {
  const bad = s.search(/[^A-Za-z0-9_-]/);
  if (bad >= 0) throw new Error(`illegal base64 data at input byte ${bad}`);
  if (s.length % 4 === 1) throw new Error(`illegal base64 data at input byte ${s.length - 1}`);
  const bin = atob(s.replace(/-/g, "+").replace(/_/g, "/") + "=".repeat((4 - (s.length % 4)) % 4));
  return new TextDecoder().decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)));
}
