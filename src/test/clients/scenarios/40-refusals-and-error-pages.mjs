// What staff see when Bansō refuses: an advisor starts an analysis for a business id the registry does not
// know and reads only the Japanese reason; the same advisor opening Cockpit gets a Japanese 403 page with
// ways back, and the way back to Tasklist works.
import assert from 'node:assert/strict';
import { field, inBrowser, logIn, loggedIn, screenshot } from '../e2e-lib.mjs';

export const title = 'refusals and error pages in Japanese';

const unknownId = `E2E-UNKNOWN-${Date.now()}`;

async function advisorStartsAnUnknownBusiness(page, base) {
  await logIn(page, `${base}/camunda/app/tasklist/`, 'sato');
  await loggedIn(page);
  await page.getByText('プロセスを開始').click();
  await page.locator('.modal-body').getByRole('link', { name: '経営分析', exact: true }).click();
  const startForm = page.locator('.modal-content');
  await field(startForm, 'BusinessId').waitFor();
  await field(startForm, 'BusinessId').fill(unknownId);
  await startForm.getByLabel('巡回訪問').check();
  const [answer] = await Promise.all([
    page.waitForResponse((response) => /\/process-definition\/[^/]+\/submit-form$/.test(new URL(response.url()).pathname)),
    startForm.getByRole('button', { name: '開始', exact: true }).click()
  ]);
  assert.equal(answer.status(), 400, 'the start is refused as the user\'s mistake, not as a server error');
  const body = await answer.json();
  assert.equal(body.type, 'refused');
  const reason = `事業者ID「${unknownId}」は事業者台帳にありません。経営カルテで事業者IDを確かめるか、先に事業者台帳へ登録してください`;
  assert.equal(body.message, reason);

  await page.getByText(reason).first().waitFor();
  const shown = await page.locator('body').innerText();
  for (const internal of ['Cannot instantiate', 'process definition', 'Exception', 'management-analysis:']) {
    assert.ok(!shown.includes(internal), `Tasklist shows no "${internal}"`);
  }
  await screenshot(page, 'start-refused-unknown-business');
  const startable = await page.locator('.modal-content').count();
  assert.equal(startable, 1, 'the start dialog stays open with what was typed');
}

async function advisorOpensCockpit(page, base) {
  await logIn(page, `${base}/camunda/app/tasklist/`, 'sato');
  await loggedIn(page);
  await page.getByText('プロセスを開始').waitFor();
  const response = await page.goto(`${base}/camunda/app/cockpit/default/`);
  assert.equal(response.status(), 403);
  await page.getByRole('heading', { name: '権限がありません' }).waitFor();
  const shown = await page.locator('body').innerText();
  assert.ok(!/Whitelabel|Forbidden|There was an unexpected error/.test(shown), 'no English error page');
  await screenshot(page, 'cockpit-forbidden-for-advisor');

  await page.getByRole('link', { name: 'タスク一覧（Tasklist）へ' }).click();
  await page.getByText('プロセスを開始').waitFor();
  assert.equal(new URL(page.url()).pathname, '/camunda/app/tasklist/default/');
}

async function aMissingCaseFile(page, base) {
  await logIn(page, `${base}/camunda/app/tasklist/`, 'sato');
  await loggedIn(page);
  await page.goto(`${base}/casefile/?id=${unknownId}`);
  await page.waitForLoadState('networkidle');
  const shown = await page.locator('body').innerText();
  assert.ok(!/Whitelabel|Not Found|Exception/.test(shown), 'no English error for a missing case file');
  await screenshot(page, 'casefile-missing-business');
}

export async function run({ browser, base }) {
  await inBrowser(browser, 'advisor-refused', (page) => advisorStartsAnUnknownBusiness(page, base));
  console.log('[e2e] advisor: an unknown business id is refused in Japanese in the start dialog');
  await inBrowser(browser, 'advisor-cockpit', (page) => advisorOpensCockpit(page, base));
  console.log('[e2e] advisor: Cockpit answers a Japanese 403 page with a way back to Tasklist');
  await inBrowser(browser, 'advisor-casefile', (page) => aMissingCaseFile(page, base));
  console.log('[e2e] advisor: a missing case file shows no English error');
}
