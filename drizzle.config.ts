// drizzle-kit configuration: migrations for D1 are generated from schema/db.ts into migrations/.
import { defineConfig } from "drizzle-kit";

export default defineConfig({ dialect: "sqlite", schema: "./schema/db.ts", out: "./migrations" });
