// The tutorial's transcripts as golden lessons (test/e2e/lessons/*.lesson), replayed with the
// real kubectl against sandboxes with a fixed seed, a fixed start time and a paused clock.
// UPDATE_GOLDEN=1 rewrites the expected outputs; review them against the tutorial text.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { root, startPodlab } from "./harness.mjs";
import { runLesson } from "./golden.mjs";

const dir = join(root, "test", "e2e", "lessons");
const only = process.env.LESSON;
const lessons = readdirSync(dir).filter((f) => f.endsWith(".lesson") && (!only || f.includes(only))).sort();
const START = Date.UTC(2025, 11, 23, 2, 0, 0);
let podlab;

before(async () => { podlab = await startPodlab(); });
after(async () => podlab?.stop());

describe("tutorial lessons", () => {
  for (const f of lessons) {
    it(f.replace(/\.lesson$/, ""), async () => {
      const sb = await podlab.sandbox({ body: { seed: `lesson-${f}`, startTime: START, speed: 0 } });
      const r = await runLesson(join(dir, f), sb);
      assert.ok(r.ok, r.diff);
    });
  }
});
