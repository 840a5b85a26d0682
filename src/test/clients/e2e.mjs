// Bansō through the web apps its staff use, in headless Chromium with a Japanese browser in Japan time.
// One application start (the fat jar on a fresh H2 database) is shared by every scenario in scenarios/,
// run one after another in the order of their file names; each registers the businesses it needs.
// Usage: node e2e.mjs <fat jar> <output dir>   (see .ci/e2e)
//        E2E_ONLY=30-,50- node e2e.mjs …       runs only the scenarios whose file names contain one of these
import { mkdirSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { freePort, startApplication, stopApplication, useOutput } from './e2e-lib.mjs';

const [jar, outputArgument] = process.argv.slice(2);
if (!jar || !outputArgument) {
  console.error('usage: node e2e.mjs <fat jar> <output dir>');
  process.exit(2);
}
const output = resolve(outputArgument);
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const scenarioDir = join(dirname(fileURLToPath(import.meta.url)), 'scenarios');

async function main() {
  mkdirSync(output, { recursive: true });
  useOutput(output);
  const only = (process.env.E2E_ONLY || '').split(',');
  const files = readdirSync(scenarioDir)
    .filter((file) => file.endsWith('.mjs') && only.some((part) => file.includes(part))).sort();
  if (files.length === 0) {
    throw new Error(`no scenario in ${scenarioDir} matches "${only}"`);
  }
  const started = Date.now();
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const app = await startApplication(jar, port);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run']
  });
  try {
    for (const file of files) {
      const scenarioStarted = Date.now();
      const scenario = await import(pathToFileURL(join(scenarioDir, file)).href);
      console.log(`[e2e] ${file}: ${scenario.title}`);
      await scenario.run({ browser, base, output });
      console.log(`[e2e] ${file}: passed in ${Math.round((Date.now() - scenarioStarted) / 1000)} s`);
    }
    console.log(`[e2e] ${files.length} passed, 0 failed`);
    console.log(`[e2e] passed in ${Math.round((Date.now() - started) / 1000)} s`);
  } finally {
    await browser.close();
    await stopApplication(app);
  }
}

main().catch((error) => {
  console.error('[e2e] FAILED:', error);
  process.exit(1);
});
