// Builds the static web client into web/dist (served by the Worker's assets binding).
import { cpSync, mkdirSync, rmSync, existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dist = join(root, "web", "dist");
rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });
if (existsSync(join(root, "web", "public"))) cpSync(join(root, "web", "public"), dist, { recursive: true });
console.log("web: built web/dist");
