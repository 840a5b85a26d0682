// An assistant records a counter consultation (窓口相談) from a business's case file; it shows at the top of the
// case file's timeline, a wrong entry is refused in Japanese, and the manager sees it in the year's tally.
import assert from 'node:assert/strict';
import { importBusinesses, inBrowser, PASSWORD, screenshot } from '../e2e-lib.mjs';

const basic = (user) => 'Basic ' + Buffer.from(`${user}:${PASSWORD}`).toString('base64');

export const title = 'an assistant records a counter consultation in the case file';

const businessId = `E2E-80-${Date.now()}`;
const businessName = '留萌E2E水産加工';

// the machines these runs share are often busy: the web apps may take longer than Playwright's 30 s to load
const PATIENCE = 120_000;

async function assistantRecordsACounterContact(page, base) {
  page.setDefaultTimeout(PATIENCE);
  // the case file accepts the staff login over HTTP Basic as well as Tasklist's session: no SPA to wait for
  await page.setExtraHTTPHeaders({ authorization: basic('suzuki') });
  await page.goto(`${base}/casefile/?id=${encodeURIComponent(businessId)}`);
  await page.locator('#business-name', { hasText: businessName }).waitFor();
  await page.locator('#contact-timeline li.empty').waitFor();
  await page.getByText('相談・訪問を記録する', { exact: true }).click();
  const form = page.locator('#contact-form');
  await form.getByLabel('窓口', { exact: true }).check();
  await form.getByLabel('金融・マル経').check();
  await form.getByLabel('補助金・助成金').check();
  await form.getByLabel('聞き取った内容').fill('冷凍庫の更新をマル経資金で考えている。持続化補助金の公募時期を知りたい。');
  await form.getByLabel('次のアクション（あればタスクになります）').fill('公募要領を印刷して渡す');
  await form.getByLabel('同行した職員（OJT、ユーザーID）').fill('suzuki');
  await screenshot(page, 'casefile-contact-form');
  await form.getByRole('button', { name: '相談を記録する' }).click();
  const status = page.locator('#contact-status');
  await status.filter({ hasText: '同行した職員（OJT）は、対応した職員とは別の' }).waitFor();
  assert.equal(await status.getAttribute('class'), 'refused');
  await screenshot(page, 'casefile-contact-refused');

  await form.getByLabel('同行した職員（OJT、ユーザーID）').fill('');
  await form.getByRole('button', { name: '相談を記録する' }).click();
  await status.filter({ hasText: '記録しました。' }).waitFor();
  const first = page.locator('#contact-timeline li.contact').first();
  await first.waitFor();
  const entry = await first.innerText();
  const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Tokyo' }).replaceAll('-', '/');
  assert.match(entry, new RegExp(`${today}\\s+窓口\\s+鈴木 美咲`));
  assert.match(entry, /金融・マル経、補助金・助成金/);
  assert.match(entry, /公募要領を印刷して渡す（期限 \d{4}\/\d{2}\/\d{2}、未了）/);
  await first.scrollIntoViewIfNeeded();
  await screenshot(page, 'casefile-timeline-with-contact');
}

async function managerReadsTheTally(page, base) {
  page.setDefaultTimeout(PATIENCE);
  await page.setExtraHTTPHeaders({ authorization: basic('takahashi') });
  await page.goto(`${base}/contacts/`);
  const suzuki = page.locator('#tally tbody tr', { hasText: '鈴木 美咲（suzuki）' });
  await suzuki.waitFor();
  const cells = await suzuki.locator('td').allInnerTexts();
  assert.deepEqual(cells, ['鈴木 美咲（suzuki）', '0件', '1件', '0件', '0件', '0件', '1件']);
  assert.deepEqual(await page.locator('#tally thead th').allInnerTexts(), ['職員', '巡回', '窓口', '電話', 'オンライン', 'メール', '合計']);
  await screenshot(page, 'contacts-tally-for-managers');
}

export async function run({ browser, base }) {
  await importBusinesses(base, [`${businessId},${businessName},法人,製造業,6,会員,sato`]);
  await inBrowser(browser, 'assistant-contact', (page) => assistantRecordsACounterContact(page, base));
  console.log('[e2e] assistant: counter contact recorded from the case file, shown first in the timeline');
  await inBrowser(browser, 'manager-tally', (page) => managerReadsTheTally(page, base));
  console.log('[e2e] manager: the year\'s tally per staff member and channel');
}
