// Request bodies: size limit, content-type dispatch (JSON, YAML, protobuf Namespace) and the
// apiserver's error texts for bodies it cannot read.
import { parse as parseYaml } from "yaml";
import { decodeProtobufObject } from "./protobuf";
import { ApiError, badRequest, tooLarge } from "./status";
import type { ApiRequest } from "./request";

/** The apiserver's request body limit (3 MiB). */
export const MAX_BODY_BYTES = 3 * 1024 * 1024;

/** The media type of a Content-Type header, lower-cased, without parameters. */
export function mediaType(req: ApiRequest): string {
  return (req.headers["content-type"] ?? "").split(";")[0].trim().toLowerCase();
}

/** The body as text, enforcing the size limit. */
export function readText(req: ApiRequest): string {
  const b = req.body;
  if (!b || b.length === 0) return "";
  if (b.length > MAX_BODY_BYTES) throw tooLarge();
  return new TextDecoder().decode(b);
}

/** Parses JSON like the apiserver reports failures (Go's json error texts, approximately). */
export function parseJsonBody(text: string): unknown {
  if (!text.trim()) throw badRequest("couldn't get version/kind; json parse error: unexpected end of JSON input");
  try {
    return JSON.parse(text);
  } catch (e) {
    throw badRequest(`couldn't get version/kind; json parse error: ${goJsonError(text, e)}`);
  }
}

function goJsonError(text: string, e: unknown): string {
  const m = /position (\d+)/.exec(String((e as Error).message));
  const pos = m ? Number(m[1]) : -1;
  if (pos >= 0 && pos < text.length) {
    const ch = text[pos];
    const what = pos === 0 ? "looking for beginning of value" : "after object key:value pair";
    return `invalid character ${goCharQuote(ch)} ${what}`;
  }
  return "unexpected end of JSON input";
}

function goCharQuote(ch: string): string {
  if (ch === "'") return "'\\''";
  if (ch === "\n") return "'\\n'";
  return `'${ch}'`;
}

/** Parses a YAML (or JSON) document body; multi-document bodies are rejected. */
export function parseYamlBody(text: string): unknown {
  try {
    return parseYaml(text, { maxAliasCount: 100 });
  } catch (e) {
    throw badRequest(`error converting YAML to JSON: ${(e as Error).message.split("\n")[0]}`);
  }
}

/** Decodes an object body of a create/update by Content-Type. */
export function decodeObjectBody(req: ApiRequest): unknown {
  const mt = mediaType(req);
  if (mt === "application/vnd.kubernetes.protobuf") {
    const b = req.body ?? new Uint8Array();
    if (b.length > MAX_BODY_BYTES) throw tooLarge();
    return decodeProtobufObject(b);
  }
  const text = readText(req);
  if (mt === "application/yaml" || mt === "application/x-yaml") return parseYamlBody(text);
  if (mt === "" || mt === "application/json" || mt === "*/*" || mt === "text/plain") return parseJsonBody(text);
  throw new ApiError(415, "UnsupportedMediaType",
    `the body of the request was in an unknown format - accepted media types include: application/json, application/yaml, application/vnd.kubernetes.protobuf`);
}
