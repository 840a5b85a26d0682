// A working day, the rest of issue #16: every filter shows how many tasks it holds (a manager sees escalations
// waiting while looking at another filter, and the count follows a new escalation), the business search's pill
// reads in Japanese, and the case file names the staff member working a task instead of a user id.
import assert from 'node:assert/strict';
import { PASSWORD, inBrowser, loggedIn, logIn, rest, screenshot } from '../e2e-lib.mjs';

export const title = 'filter counts on every filter, a Japanese search pill, staff names on current tasks';

const stamp = Date.now();
const business = { id: `E2E-CNT-${stamp}`, name: '留萌かずの子本舗', kana: 'ルモイカズノコホンポ' };

async function register(base) {
  const response = await fetch(`${base}/api/businesses/import`, {
    method: 'POST',
    headers: {
      authorization: 'Basic ' + Buffer.from(`takahashi:${PASSWORD}`).toString('base64'),
      'content-type': 'text/csv'
    },
    body: '事業者ID,事業者名,フリガナ,法人・個人,業種,従業員数,会員,担当経営指導員\n'
      + `${business.id},${business.name},${business.kana},法人,製造業,6,会員,sato\n`
  });
  assert.equal(response.status, 200, await response.text());
}

async function escalate(base, name) {
  const admin = rest(base, 'admin');
  const id = `e2e-count-${stamp}-${Math.random().toString(36).slice(2, 8)}`;
  const yesterday = new Date(Date.now() - 24 * 3600 * 1000).toISOString().replace('Z', '+0000');
  assert.equal((await admin('POST', '/task/create', { id, name, due: yesterday })).status, 204);
  assert.equal((await admin('POST', `/task/${id}/identity-links`, { groupId: 'managers', type: 'candidate' })).status, 204);
}

/** What the engine counts for a user, filter by filter: the figure the page must show. */
async function countsOf(base, user) {
  const answer = await rest(base, user)('GET', '/filter?resourceType=Task&itemCount=true');
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  return Object.fromEntries(answer.body.map((filter) => [filter.name, filter.itemCount]));
}

function filterLink(page, name) {
  return page.locator('.task-filters .task-filter h4.name a', { hasText: name });
}

/** Waits until the filter named shows the count, as scripts/filter-counts.js puts it beside the name. */
function countShows(page, name, count, timeout = 15_000) {
  return page.waitForFunction(([filter, expected]) => [...document.querySelectorAll('.task-filters .task-filter h4.name a')]
    .some((a) => a.textContent.includes(filter) && a.querySelector('.bansou-filter-count')?.textContent === String(expected)),
  [name, count], { timeout });
}

async function shownCount(page, name) {
  const text = await filterLink(page, name).first().locator('.bansou-filter-count').innerText();
  return text === '' ? null : Number(text);
}

async function managerSeesEscalationsWaitFromAnotherFilter(page, base) {
  await logIn(page, `${base}/camunda/app/tasklist/`, 'takahashi');
  await loggedIn(page);
  await filterLink(page, '自分のタスク').first().click();
  await page.locator('.task-filters .task-filter.active', { hasText: '自分のタスク' }).waitFor();
  const expected = await countsOf(base, 'takahashi');
  assert.ok(expected['エスカレーション'] >= 1, 'an escalation waits');
  await countShows(page, 'エスカレーション', expected['エスカレーション']);
  assert.equal(await shownCount(page, 'エスカレーション'), expected['エスカレーション'], 'the unselected escalations show their count');
  assert.equal(await shownCount(page, '期限切れの巡回訪問'), expected['期限切れの巡回訪問']);
  // no filter's tooltip over the counts: the clicked filter's name keeps one while it has the focus
  await page.evaluate(() => document.activeElement && document.activeElement.blur());
  await page.mouse.move(900, 700);
  await page.locator('.tooltip').waitFor({ state: 'detached', timeout: 5_000 }).catch(() => {});
  await screenshot(page, 'manager-sees-escalation-count-on-another-filter');

  // a new escalation arrives: the count follows without a reload (Tasklist refreshes its list every 10 s)
  await escalate(base, '遅れている出展準備を確認する（E2E）');
  const more = (await countsOf(base, 'takahashi'))['エスカレーション'];
  assert.equal(more, expected['エスカレーション'] + 1);
  await countShows(page, 'エスカレーション', more, 30_000);
  await page.locator('.tooltip').waitFor({ state: 'detached', timeout: 5_000 }).catch(() => {});
  await screenshot(page, 'escalation-count-follows-a-new-task');
}

async function advisorSeesOwnCountsAndAJapanesePill(page, base) {
  await logIn(page, `${base}/camunda/app/tasklist/`, 'sato');
  await loggedIn(page);
  await page.locator('ol.tasks-list li').first().waitFor();
  const expected = await countsOf(base, 'sato');
  assert.equal(expected['エスカレーション'], undefined, 'an advisor has no escalations filter, and no count of it');
  console.log(`[e2e] sato's filters and counts: ${JSON.stringify(expected)}`);
  await countShows(page, 'グループのタスク', expected['グループのタスク']);
  assert.equal(await filterLink(page, 'エスカレーション').count(), 0);

  const search = page.locator('.bansou-business-search input');
  await search.waitFor();
  assert.ok(await search.evaluate((input) => {
    const box = input.getBoundingClientRect();
    return document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2) === input;
  }), 'the business search box is on top, not hidden behind the columns');
  await search.fill('かずの子');
  await search.press('Enter');
  const pill = page.locator('.search-label.bansou-business-pill');
  await pill.waitFor();
  assert.equal((await pill.locator('.bansou-pill-label').innerText()).trim(), '事業者');
  assert.equal((await pill.locator('.value-field').innerText()).trim(), 'かずの子', 'the value without LIKE\'s % signs');
  assert.equal((await pill.locator('.operator-field').first().innerText()).trim(), 'を含む');
  assert.equal(await pill.locator('.name-field').isVisible(), false, 'the variable\'s raw name is not shown');
  assert.doesNotMatch(await pill.innerText(), /businessSearch|like|%/);
  await page.locator('ol.tasks-list li', { hasText: business.name }).first().waitFor();
  await screenshot(page, 'advisor-search-pill-in-japanese');
}

async function caseFileNamesWhoWorksTheTask(page, base) {
  await logIn(page, `${base}/camunda/app/tasklist/`, 'suzuki');
  await loggedIn(page);
  await page.goto(`${base}/casefile/?id=${encodeURIComponent(business.id)}`);
  const row = page.locator('tr', { hasText: '経営分析' }).filter({ hasText: '財務データを入力する' });
  await row.first().waitFor();
  const text = await row.first().innerText();
  assert.match(text, /担当 佐藤 一郎/, 'the current task names its assignee');
  assert.doesNotMatch(text, /（sato）/, 'not the user id');
  assert.match(text, /\d{4}\/\d{2}\/\d{2}/, 'dates as 2026/12/02');
  await screenshot(page, 'case-file-current-task-by-name');
}

export async function run({ browser, base }) {
  await register(base);
  const started = await rest(base, 'sato')('POST', '/process-definition/key/management-analysis/start', {
    variables: { businessId: { value: business.id }, entryRoute: { value: 'visit' } }
  });
  assert.equal(started.status, 200, JSON.stringify(started.body));
  await escalate(base, '遅れている訪問に対応する（E2E件数）');

  await inBrowser(browser, 'count-manager', (page) => managerSeesEscalationsWaitFromAnotherFilter(page, base));
  console.log('[e2e] manager: saw the escalation count on an unselected filter, and it followed a new escalation');
  await inBrowser(browser, 'count-advisor', (page) => advisorSeesOwnCountsAndAJapanesePill(page, base));
  console.log('[e2e] advisor: counts of the own filters only; the search pill reads 事業者 … を含む');
  await inBrowser(browser, 'count-casefile', (page) => caseFileNamesWhoWorksTheTask(page, base));
  console.log('[e2e] assistant: the case file names the assignee of the current task');
}
