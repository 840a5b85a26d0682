// A page on another port of the same host tries to import into the registry with the logged-in manager's
// session cookie (the browser sends it along); Bansō refuses it. The manager's own page, which sends the
// session's CSRF token, still imports, and the case file shows the business — its name, which carries
// markup, as plain text: no script injected through the registry runs.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { freePort, inBrowser, loggedIn, logIn, screenshot } from '../e2e-lib.mjs';

export const title = 'CSRF: another site cannot import with the manager\'s session, Bansō\'s own page can';

const run_ = Date.now();
const forgedId = `E2E-CSRF-FORGED-${run_}`;
const realId = `E2E-CSRF-REAL-${run_}`;
const header = '事業者ID,事業者名,法人・個人,業種,従業員数,会員,担当経営指導員';

function attackerSite(base, port) {
  const page = `<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>キャンペーンのお知らせ</title></head>
<body><h1>キャンペーンのお知らせ</h1><p id="state">送信中…</p>
<script>
  fetch(${JSON.stringify(`${base}/api/businesses/import`)}, {
    method: 'POST', mode: 'no-cors', credentials: 'include', headers: { 'content-type': 'text/plain' },
    body: ${JSON.stringify(`${header}\n${forgedId},偽装登録商店,個人,製造業,1,会員,sato\n`)}
  }).then(() => { document.getElementById('state').textContent = '送信しました（結果は読めません）'; })
    .catch(() => { document.getElementById('state').textContent = '送信できませんでした'; });
</script></body></html>`;
  const server = createServer((request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(page);
  });
  return new Promise((done) => server.listen(port, '127.0.0.1', () => done(server)));
}

async function found(base, id) {
  const response = await fetch(`${base}/api/businesses?q=${encodeURIComponent(id)}`, {
    headers: { authorization: 'Basic ' + Buffer.from('takahashi:demo').toString('base64') }
  });
  assert.equal(response.status, 200);
  return (await response.json()).length;
}

export async function run({ browser, base }) {
  const port = await freePort();
  const attacker = await attackerSite(base, port);
  try {
    await inBrowser(browser, 'csrf', async (page) => {
      await logIn(page, `${base}/camunda/app/cockpit/`, 'takahashi');
      await loggedIn(page);
      await page.getByText('現在の状況').first().waitFor();

      await page.goto(`http://127.0.0.1:${port}/`);
      await page.locator('#state', { hasText: '送信' }).waitFor();
      await page.waitForFunction(() => document.getElementById('state').textContent !== '送信中…');
      await screenshot(page, 'csrf-attacker-page');
      assert.equal(await found(base, forgedId), 0, 'the page of another site imported nothing');

      // Bansō's own page: same origin, so it can read the session's token and send it
      await page.goto(`${base}/casefile/`);
      const answer = await page.evaluate(async ({ csv }) => {
        // the session's token, as every GET of /api hands it out
        const token = (await fetch('/api/businesses?size=1', { credentials: 'same-origin' })).headers.get('X-XSRF-TOKEN');
        const response = await fetch('/api/businesses/import', {
          method: 'POST', credentials: 'same-origin',
          headers: { 'content-type': 'text/csv', 'X-XSRF-TOKEN': token }, body: csv
        });
        return { status: response.status, body: await response.text() };
      }, { csv: `${header}\n${realId},<img src=x onerror=window.__pwned=1>留萌正規登録商店,個人,製造業,2,会員,sato\n` });
      assert.equal(answer.status, 200, answer.body);
      assert.equal(await found(base, realId), 1, 'the manager\'s own page imported the business');

      await page.goto(`${base}/casefile/?id=${encodeURIComponent(realId)}`);
      await page.getByText('留萌正規登録商店').first().waitFor();
      assert.equal(await page.evaluate(() => window.__pwned), undefined, 'markup in a business name never runs');
      assert.equal(await page.locator('img[src=x]').count(), 0, 'markup in a business name stays text');
      await screenshot(page, 'csrf-real-import-in-case-file');
    });
  } finally {
    attacker.close();
  }
}
