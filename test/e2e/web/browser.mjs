// Browser helpers for the web client's end-to-end tests: Debian's Chromium driven by
// playwright-core with a fresh profile, screenshots into test-artifacts/web/, and terminal helpers
// (type a line, wait for text in the xterm.js buffer). Used by test/e2e/web.test.mjs.
import { chromium } from "playwright-core";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { root } from "../harness.mjs";

/** Where Debian installs Chromium. */
export const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";
/** Where screenshots go (gitignored). */
export const ARTIFACTS = join(root, "test-artifacts", "web");

const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
  "--disable-component-update", "--disable-sync"];

/** Is Chromium installed? */
export function haveChromium() {
  return existsSync(CHROMIUM);
}

/** Launches Chromium with a fresh user-data-dir; returns {context, close}. */
export async function launch(opts = {}) {
  const dir = mkdtempSync(join(tmpdir(), "podlab-chromium-"));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM, headless: true, args: ARGS, viewport: opts.viewport ?? { width: 1400, height: 1000 }, locale: opts.locale ?? "en-US",
  });
  const close = async () => {
    await context.close().catch(() => {});
    rmSync(dir, { recursive: true, force: true });
  };
  return { context, close };
}

/** A new page that records console errors and uncaught exceptions. */
export async function newPage(context) {
  const page = await context.newPage();
  page.errors = [];
  page.on("pageerror", (e) => page.errors.push(e.message));
  return page;
}

/** Saves a full-page screenshot as test-artifacts/web/<name>.png. */
export async function shot(page, name) {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/** The terminal's whole buffer as text. */
export function terminalText(frame) {
  return frame.evaluate(() => window.podlab?.terminal?.bufferText() ?? "");
}

/** Focuses the terminal and types a line (Enter included). */
export async function typeLine(page, frame, line) {
  await frame.click(".xterm");
  await page.keyboard.type(`${line}\n`, { delay: 2 });
}

/** Waits until the terminal buffer matches; returns the buffer. */
export async function waitForTerminal(frame, pattern, timeout = 15_000) {
  const end = Date.now() + timeout;
  let text = "";
  while (Date.now() < end) {
    text = await terminalText(frame);
    if (pattern.test(text)) return text;
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`terminal never matched ${pattern}; it shows:\n${text}`);
}

/** Waits for a pod card matching attributes ({status, ready}); returns its element handle. */
export async function waitForCard(frame, key, attrs = {}, timeout = 20_000) {
  const sel = `[data-pod="${key}"]${Object.entries(attrs).map(([k, v]) => `[data-${k}="${v}"]`).join("")}`;
  return frame.waitForSelector(sel, { timeout });
}
