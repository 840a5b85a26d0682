// A working day by role (issue #16): an advisor finds the task of a named business, sees only the tracks
// staff start by hand, keeps Japanese dates after a form has loaded and starts a track from the case file; a
// manager lands on an escalation; an auditor is not offered Tasklist; the KPI page of the running year shows pace.
import assert from 'node:assert/strict';
import { PASSWORD, field, inBrowser, loggedIn, logIn, rest, screenshot } from '../e2e-lib.mjs';

export const title = 'a working day: tasks named by business, start from the case file, manager and auditor landing, KPI pace';

const stamp = Date.now();
const hotate = { id: `E2E-DAY-${stamp}-1`, name: '留萌ほたて水産', kana: 'ルモイホタテスイサン' };
const bakery = { id: `E2E-DAY-${stamp}-2`, name: '港町ベーカリー', kana: 'ミナトマチベーカリー' };

const HAND_STARTABLE = ['DX活用の個別フォローアップ', '事業承継支援', '事業計画策定', '創業支援', '商品ブラッシュアップの試食調査',
  '商談会への出展支援', '物産展への出展支援', '経営分析', '需要動向調査',
  // plan §10: a consultation or visit, an external training attended
  '巡回・窓口相談の記録', '外部研修と伝達研修'];

async function register(base) {
  const response = await fetch(`${base}/api/businesses/import`, {
    method: 'POST',
    headers: {
      authorization: 'Basic ' + Buffer.from(`takahashi:${PASSWORD}`).toString('base64'),
      'content-type': 'text/csv'
    },
    body: '事業者ID,事業者名,フリガナ,法人・個人,業種,従業員数,会員,担当経営指導員\n'
      + [hotate, bakery].map((b) => `${b.id},${b.name},${b.kana},法人,製造業,4,会員,sato`).join('\n') + '\n'
  });
  assert.equal(response.status, 200, await response.text());
}

async function startAnalysis(base, business) {
  const started = await rest(base, 'sato')('POST', '/process-definition/key/management-analysis/start', {
    variables: { businessId: { value: business.id }, entryRoute: { value: 'visit' } }
  });
  assert.equal(started.status, 200, JSON.stringify(started.body));
}

async function advisorFindsTheBusinessAndStaysInJapanese(page, base) {
  await logIn(page, `${base}/camunda/app/tasklist/`, 'sato');
  const cards = page.locator('ol.tasks-list li');
  await cards.first().waitFor();
  // every card names its business; the bare priority is gone
  const hotateCard = cards.filter({ hasText: `${hotate.name}（${hotate.id}）` });
  await hotateCard.first().waitFor();
  assert.equal(await page.locator('ol.tasks-list .priority').first().isVisible(), false, 'no bare priority 50');

  // narrowing by kana leaves the one business's task
  const search = page.locator('.bansou-business-search input');
  await search.fill('ホタテ');
  await search.press('Enter');
  await cards.filter({ hasText: bakery.name }).first().waitFor({ state: 'detached' });
  await hotateCard.first().waitFor();
  for (const text of await cards.allInnerTexts()) {
    assert.match(text, new RegExp(hotate.name), 'only the named business\'s tasks are listed');
  }
  await screenshot(page, 'advisor-narrows-to-a-business');

  await hotateCard.first().click();
  await page.locator('.bansou-case-file-link').waitFor();
  assert.equal(await page.locator('.bansou-case-file-link').getAttribute('href'), `/casefile/?id=${hotate.id}`);
  await page.getByText('説明', { exact: true }).first().click();
  const description = page.locator('.task-details').getByText(`事業者: ${hotate.name}（${hotate.id}）`);
  await description.waitFor();
  await screenshot(page, 'task-names-business-and-track');

  // the start dialog offers only what staff start by hand; loading a start form keeps the dates Japanese
  await page.getByText('プロセスを開始').click();
  const offered = page.locator('.modal-body a');
  await offered.filter({ hasText: '経営分析' }).first().waitFor();
  const names = (await offered.allInnerTexts()).map((name) => name.trim()).filter((name) => name);
  assert.deepEqual([...names].sort(), [...HAND_STARTABLE].sort());
  await screenshot(page, 'only-hand-startable-processes');
  await page.locator('.modal-body').getByRole('link', { name: '経営分析', exact: true }).click();
  await field(page.locator('.modal-content'), 'BusinessId').waitFor();
  await page.keyboard.press('Escape');
  await page.locator('.modal-content').waitFor({ state: 'detached' });
  await search.fill('');
  await search.press('Enter');
  await cards.nth(1).waitFor();
  await page.waitForTimeout(1500);
  const listText = await page.locator('ol.tasks-list').innerText();
  assert.match(listText, /作成日時 (数秒前|\d+分前|1分前)/);
  assert.doesNotMatch(listText, /ago|in \d|a few seconds/, 'relative dates stay Japanese after a form has loaded');
}

/**
 * Tasklist renders a start form, then imports it once more with its start values, which empties what was typed
 * before (on a loaded machine that second import can come seconds later). Fill, wait, and fill again until the
 * values stay, as a person would retype what vanished.
 */
async function fillOnceSettled(page, form, values) {
  for (let attempt = 0; attempt < 6; attempt++) {
    for (const [name, value] of values) {
      await field(form, name).fill(value);
    }
    await page.waitForTimeout(1000);
    let kept = true;
    for (const [name, value] of values) {
      kept = kept && (await field(form, name).inputValue()) === value;
    }
    if (kept) {
      return;
    }
  }
  throw new Error('the start form kept emptying what was typed');
}

async function advisorStartsASurveyFromTheCaseFile(page, base) {
  await logIn(page, `${base}/camunda/app/tasklist/`, 'sato');
  await loggedIn(page);
  await page.goto(`${base}/casefile/?id=${encodeURIComponent(hotate.id)}`);
  const startLink = page.locator('#startable a', { hasText: '需要動向調査' });
  await startLink.waitFor();
  assert.equal(await page.locator('nav .app-cockpit').isVisible(), false, 'an advisor is not offered Cockpit');
  assert.match(await page.locator('#business').innerText(), /佐藤 一郎/, 'the advisor by name, not the user id');
  await screenshot(page, 'case-file-start-a-track');
  await page.goto(`${base}${await startLink.getAttribute('href')}`);
  const form = page.locator('.modal-content');
  await field(form, 'BusinessId').waitFor();
  await page.waitForFunction((id) => {
    const input = document.querySelector('.modal-content .fjs-form [id$="-BusinessId"]');
    return input && input.value === id;
  }, hotate.id);
  await fillOnceSettled(page, form, [['ProductName', 'ほたて燻製'], ['SurveyOccasion', '北海道 ビジネスEXPO 2026/11/06']]);
  const dueDate = form.locator('.fjs-form [id$="-SurveyDueDate-date"]');
  await dueDate.fill('2026/12/20');
  await dueDate.press('Enter');
  await form.locator('label').first().click();
  assert.equal(await field(form, 'ProductName').inputValue(), 'ほたて燻製', 'what was typed is still there');
  await screenshot(page, 'survey-start-form-with-business');
  await form.getByRole('button', { name: '開始', exact: true }).click();
  await form.waitFor({ state: 'detached' });
  const surveys = await rest(base, 'takahashi')('GET', `/process-instance?businessKey=${hotate.id}&processDefinitionKey=demand-survey`);
  assert.equal(surveys.body.length, 1, 'the survey runs for the business of the case file');
}

async function managerLandsOnTheEscalation(page, base) {
  await logIn(page, `${base}/camunda/app/tasklist/`, 'takahashi');
  const escalations = page.locator('.filters h4.name a, [cam-tasklist-filters] a', { hasText: 'エスカレーション' });
  await escalations.first().waitFor();
  const card = page.locator('ol.tasks-list li', { hasText: '遅れている訪問に対応する（E2E）' });
  await card.first().waitFor();
  await card.first().locator('.due-date.overdue').waitFor();
  await screenshot(page, 'manager-lands-on-escalations');
}

async function auditorIsNotOfferedTasklist(page, base) {
  // the welcome page keeps a password field (password change), so the login is seen by the page itself
  await logIn(page, `${base}/camunda/app/welcome/`, 'tanaka');
  await page.locator('.bansou-pages').waitFor();
  assert.equal(await page.locator('a[href*="/app/tasklist/"]').count(), 0, 'no link into Tasklist');
  assert.equal(await page.locator('.bansou-pages a.bansou-kpi').count(), 1);
  await screenshot(page, 'auditor-welcome');
  await page.goto(`${base}/casefile/?id=${encodeURIComponent(hotate.id)}`);
  await page.locator('#business-name').getByText(hotate.name).waitFor();
  assert.equal(await page.locator('.app-tasklist:visible').count(), 0, 'the case file offers an auditor no Tasklist');
}

async function kpiShowsPace(page, base) {
  await logIn(page, `${base}/camunda/app/cockpit/`, 'takahashi');
  await loggedIn(page);
  await page.goto(`${base}/kpi/`);
  await page.locator('#running').waitFor();
  assert.match(await page.locator('#running').innerText(), /年度途中/);
  assert.match(await page.locator('#sheet tbody').innerText(), /年度途中/);
  assert.equal(await page.locator('#sheet th.pace').first().isVisible(), true, 'the pace columns show');
  await screenshot(page, 'kpi-running-year-pace');
}

export async function run({ browser, base }) {
  await register(base);
  await startAnalysis(base, hotate);
  await startAnalysis(base, bakery);
  const yesterday = new Date(Date.now() - 24 * 3600 * 1000).toISOString().replace('Z', '+0000');
  const admin = rest(base, 'admin');
  const created = await admin('POST', '/task/create', {
    id: `e2e-escalation-${stamp}`, name: '遅れている訪問に対応する（E2E）', due: yesterday
  });
  assert.equal(created.status, 204, JSON.stringify(created.body));
  assert.equal((await admin('POST', `/task/e2e-escalation-${stamp}/identity-links`, { groupId: 'managers', type: 'candidate' })).status, 204);

  await inBrowser(browser, 'day-advisor', (page) => advisorFindsTheBusinessAndStaysInJapanese(page, base));
  console.log('[e2e] advisor: found the business by kana, saw only hand-startable processes, dates stayed Japanese');
  await inBrowser(browser, 'day-casefile', (page) => advisorStartsASurveyFromTheCaseFile(page, base));
  console.log('[e2e] advisor: started a demand survey from the case file with the business filled in');
  await inBrowser(browser, 'day-manager', (page) => managerLandsOnTheEscalation(page, base));
  console.log('[e2e] manager: landed on the escalations');
  await inBrowser(browser, 'day-auditor', (page) => auditorIsNotOfferedTasklist(page, base));
  console.log('[e2e] auditor: no Tasklist link on the welcome page or the case file');
  await inBrowser(browser, 'day-kpi', (page) => kpiShowsPace(page, base));
  console.log('[e2e] manager: the KPI page of the running year shows pace');
}
