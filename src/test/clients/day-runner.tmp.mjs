import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { useOutput } from './e2e-lib.mjs';
const output = '/work/wt/day/target/e2e-day';
mkdirSync(output, { recursive: true });
useOutput(output);
const base = process.argv[2];
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
const original = browser.newContext.bind(browser);
browser.newContext = async (options) => {
  const context = await original(options);
  const root = '/work/wt/day/src/main/resources/META-INF/resources/webjars/camunda/app/';
  await context.route(/\/camunda\/app\/(tasklist|welcome)\/scripts\/[a-z-]+\.js/, (route) => {
    const path = new URL(route.request().url()).pathname.replace('/camunda/app/', '');
    route.fulfill({ path: root + path, contentType: 'application/javascript' });
  });
  await context.route(/\/(casefile|kpi)\/[a-z]+\.(js|css|html)$|\/(casefile|kpi)\/$/, (route) => {
    let path = new URL(route.request().url()).pathname;
    if (path.endsWith('/')) path += 'index.html';
    const type = path.endsWith('.js') ? 'application/javascript' : path.endsWith('.css') ? 'text/css' : 'text/html';
    route.fulfill({ path: '/work/wt/day/src/main/resources/static' + path, contentType: type });
  });
  return context;
};
try {
  const scenario = await import('./scenarios/70-working-day.mjs');
  const t = Date.now();
  await scenario.run({ browser, base, output });
  console.log('PASSED in', Math.round((Date.now() - t) / 1000), 's');
} finally { await browser.close(); }
