// The generated schemas, the schema tests' expectTypeOf assertions and the decode/OpenAPI
// modules type-check under the core's tsconfig (no DOM or Workers types).
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { expect, it } from "vitest";

const ROOT = resolve(__dirname, "../../..");

it("type-checks schema/k8s, decode, openapi and the schema tests", { timeout: 120_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), "podlab-tsc-"));
  const config = join(dir, "tsconfig.json");
  writeFileSync(config, JSON.stringify({
    extends: join(ROOT, "durable/sim/tsconfig.json"),
    compilerOptions: { types: ["node"], noEmit: true, typeRoots: [join(ROOT, "node_modules/@types")] },
    include: [join(ROOT, "schema/k8s/**/*.ts"), join(ROOT, "test/unit/schema/**/*.ts"),
      join(ROOT, "durable/sim/api/openapi.ts"), join(ROOT, "durable/sim/api/decode.ts")],
  }));
  let out = "";
  try {
    execFileSync(process.execPath, [join(ROOT, "node_modules/typescript/bin/tsc"), "-p", config], { cwd: ROOT, encoding: "utf8" });
  } catch (e) {
    out = String((e as { stdout?: string }).stdout ?? e);
  }
  expect(out).toBe("");
});
