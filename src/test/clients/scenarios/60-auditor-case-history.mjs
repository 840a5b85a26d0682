// An auditor opens a finished analysis from the KPI report's case list and reads its history in Cockpit: the
// path on the diagram, who changed 売上高 from what to what; exports the trail as CSV and checks it; finds the
// case again by the business's name; and the view reads in English for an English browser.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { inBrowser, importBusinesses, loggedIn, logIn, rest, screenshot } from '../e2e-lib.mjs';

export const title = 'the auditors\' case history (Cockpit plugin): KPI link, path, changes, CSV, search, English';

const businessId = `E2E-H-${Date.now()}`;
const businessName = '留萌履歴E2E水産';

const FIGURES = {
  previousSales: 45000, costOfSales: 30000, sellingAndAdministrativeExpenses: 15000, operatingProfit: 5000,
  depreciation: 1200, employees: 5, borrowings: 20000, cashAndDeposits: 8000, accountsReceivable: 6000,
  inventory: 4000, accountsPayable: 5000, netAssets: 12000, totalAssets: 40000, fixedCosts: 14000, variableCosts: 31000
};

function typed(values) {
  const variables = {};
  for (const [name, value] of Object.entries(values)) {
    variables[name] = typeof value === 'number' ? { value, type: 'Long' }
      : typeof value === 'boolean' ? { value, type: 'Boolean' } : { value, type: 'String' };
  }
  return { variables };
}

/** The advisor works the analysis to its end over REST, entering 48,000 first and correcting it to 52,000. */
async function finishedAnalysis(base) {
  const sato = rest(base, 'sato');
  const definition = await sato('GET', '/process-definition/key/management-analysis');
  const started = await sato('POST', '/process-definition/key/management-analysis/submit-form',
    Object.assign(typed({ businessId, entryRoute: 'seminar' }), { businessKey: businessId }));
  assert.equal(started.status, 200, JSON.stringify(started.body) + ' ' + definition.status);
  const id = started.body.id;
  const complete = async (expectedTask, values) => {
    const tasks = await sato('GET', `/task?processInstanceId=${id}`);
    assert.equal(tasks.body.length, 1);
    assert.equal(tasks.body[0].taskDefinitionKey, expectedTask);
    const done = await sato('POST', `/task/${tasks.body[0].id}/complete`, typed(values));
    assert.equal(done.status, 204, JSON.stringify(done.body));
  };
  await complete('EnterFinancialFigures', Object.assign({ sales: 48000 }, FIGURES));
  await complete('ReviewFinancialAnalysis', { financialAnalysisNotes: '売上高が決算書と違う', correctFigures: true });
  await complete('EnterFinancialFigures', Object.assign({ sales: 52000 }, FIGURES));
  await complete('ReviewFinancialAnalysis', { financialAnalysisNotes: '確認済み', correctFigures: false });
  await complete('AnalyseNonFinancials', { strengths: '加工技術', weaknesses: '人手不足', opportunities: '道外販路',
    threats: '原料高', viewOwner: '意欲が高い', viewBusiness: '年末集中', viewEnvironment: '道内卸', viewInternalManagement: '外部委託' });
  await complete('FeedBackResults', { feedbackDate: new Date().toISOString().slice(0, 10), feedbackNotes: '通年商品の開発を提案',
    analysisNextStep: 'end' });
  const finished = await rest(base, 'tanaka')('GET', `/history/process-instance/${id}`);
  assert.equal(finished.body.state, 'COMPLETED');
  return id;
}

async function auditorOpensItFromTheKpiReport(page, base, caseId, output) {
  await logIn(page, `${base}/camunda/app/cockpit/`, 'tanaka');
  await loggedIn(page);
  await page.goto(`${base}/kpi/`);
  const analyses = page.locator('#sheet tbody tr', { hasText: '経営分析件数' });
  await analyses.first().waitFor();
  await analyses.first().getByRole('button', { name: '案件を見る' }).click();
  const row = page.locator('#cases tbody tr', { hasText: businessId });
  await row.waitFor();
  await screenshot(page, 'kpi-report-case-list');
  const [view] = await Promise.all([page.context().waitForEvent('page'), row.getByRole('link').click()]);
  assert.match(view.url(), new RegExp(`/camunda/app/cockpit/default/#/bansou-history/${caseId}$`));

  // the path: the financial figures were entered twice, the case ended at its end event
  await view.locator('svg.bansou-diagram').waitFor();
  assert.equal(await view.locator('svg.bansou-diagram [data-count-for="EnterFinancialFigures"]').textContent(), '2');
  assert.equal(await view.locator('svg.bansou-diagram g.passed[data-element-id="AnalysisClosed"]').count(), 1);
  assert.equal(await view.locator('svg.bansou-diagram g.current').count(), 0, 'a finished case is nowhere now');
  assert.match(await view.locator('h1').innerText(), new RegExp(`経営分析 — ${businessName}（${businessId}）`));
  assert.match(await view.locator('.bansou-facts').innerText(), /完了[\s\S]*経営分析が完了した/);

  // who changed 売上高 from what to what
  const change = view.locator('.bansou-changes tbody tr', { hasText: '売上高' }).filter({ hasText: '52,000' });
  assert.equal(await change.count(), 1);
  const cells = await change.locator('td').allInnerTexts();
  assert.match(cells[0], /^\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}$/, 'Japan time as 2026/12/02 14:05');
  assert.deepEqual(cells.slice(1), ['売上高', '48,000', '52,000', '佐藤 一郎', '財務データを入力する']);
  assert.equal(await view.locator('body.bansou-read-only').count(), 1, 'the auditor is told apart as read-only');
  await view.locator('svg.bansou-diagram').scrollIntoViewIfNeeded();
  await screenshot(view, 'history-finished-analysis');
  await view.locator('.bansou-changes').scrollIntoViewIfNeeded();
  await screenshot(view, 'history-variable-changes');

  // the CSV opens in Excel: BOM, CRLF, Japanese headers, the change on one line, no formula
  const [download] = await Promise.all([view.waitForEvent('download'), view.locator('a.bansou-csv').click()]);
  const file = `${output}/history-${caseId}.csv`;
  await download.saveAs(file);
  const bytes = readFileSync(file);
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 with BOM');
  const text = bytes.toString('utf8').slice(1);
  const lines = text.split('\r\n');
  assert.ok(lines[0].startsWith('"日時","終了日時","区分","内容","担当者","実行者","変更前","変更後"'), lines[0]);
  assert.ok(lines.some((line) => line.includes('"項目の変更","売上高","","佐藤 一郎","48,000","52,000"')), 'the change of 売上高');
  assert.ok(lines.some((line) => line.includes('"案件の終了","経営分析が完了した"')));
  assert.ok(!text.includes('\n\n') && !/(^|,)"[=+\-@]/m.test(text), 'CRLF only, no cell starts a formula');

  // the printable page
  const [printable] = await Promise.all([view.context().waitForEvent('page'),
    view.getByRole('link', { name: '印刷用ページ', exact: true }).click()]);
  await printable.locator('section.case table').first().waitFor();
  assert.match(await printable.locator('h1').innerText(), new RegExp(businessName));
  await screenshot(printable, 'history-printable');
  return view;
}

async function auditorFindsItByName(page, base, caseId) {
  await logIn(page, `${base}/camunda/app/cockpit/`, 'tanaka');
  await loggedIn(page);
  await page.goto(`${base}/camunda/app/cockpit/default/#/bansou-history`);
  const form = page.locator('form.bansou-search-form');
  await form.waitFor();
  await form.locator('input[name=q]').fill('履歴E2E水産');
  await form.locator('select[name=state]').selectOption('finished');
  await form.getByRole('button', { name: '検索' }).click();
  // the business's finished analysis (its closing lessons case, 支援の振り返り, may be listed beside it)
  const row = page.locator('.bansou-cases tbody tr', { hasText: businessId }).filter({ hasText: '経営分析' });
  await row.waitFor();
  assert.deepEqual((await row.locator('td').allInnerTexts()).slice(0, 3), [businessId, businessName, '経営分析']);
  assert.equal(await row.locator('td').nth(6).innerText(), '完了');
  await screenshot(page, 'history-search-by-name');
  await row.getByRole('link').click();
  await page.locator('svg.bansou-diagram').waitFor();
  assert.match(page.url(), new RegExp(`#/bansou-history/${caseId}$`));
}

/** Cockpit's own view of a running case offers the auditor no button the engine would refuse, and leads here. */
async function auditorSeesNoChangeButtons(page, base, runningId) {
  await logIn(page, `${base}/camunda/app/cockpit/`, 'tanaka');
  await loggedIn(page);
  await page.goto(`${base}/camunda/app/cockpit/default/#/process-instance/${runningId}/runtime`);
  await page.locator('.djs-element[data-element-id="EnterFinancialFigures"]').waitFor();
  const history = page.locator('a.bansou-keep');
  await history.waitFor();
  await page.locator('body.bansou-read-only').waitFor();
  const offered = await page.locator('.btn-toolbar:not(.bansou-keep), .action-button:not(.bansou-keep)')
    .evaluateAll((buttons) => buttons.filter((b) => b.offsetParent !== null).length);
  assert.equal(offered, 0, 'no cancel, suspend, modify, add-variable or retry button for the auditor');
  await screenshot(page, 'cockpit-auditor-read-only');
  await history.click();
  await page.locator('svg.bansou-diagram g.current[data-element-id="EnterFinancialFigures"]').waitFor();
  await screenshot(page, 'history-running-case');
}

async function inEnglish(browser, base, caseId) {
  const context = await browser.newContext({ locale: 'en-US', timezoneId: 'Asia/Tokyo', viewport: { width: 1400, height: 1000 } });
  const page = await context.newPage();
  try {
    await logIn(page, `${base}/camunda/app/cockpit/`, 'tanaka');
    await loggedIn(page);
    await page.goto(`${base}/camunda/app/cockpit/default/#/bansou-history/${caseId}`);
    await page.locator('svg.bansou-diagram').waitFor();
    assert.match(await page.locator('h1').innerText(), /^Case history/);
    assert.equal(await page.locator('a.bansou-csv').innerText(), 'CSV (this case)');
    assert.equal(await page.locator('.bansou-changes thead th').first().innerText(), 'Time');
    assert.equal(await page.locator('.bansou-changes tbody tr', { hasText: '52,000' }).count(), 1);
    await screenshot(page, 'history-english');
    await page.goto(`${base}/camunda/app/cockpit/default/#/bansou-history`);
    await page.locator('form.bansou-search-form button[type=submit]').waitFor();
    assert.equal(await page.locator('form.bansou-search-form button[type=submit]').innerText(), 'Search');
  } finally {
    await context.close();
  }
}

export async function run({ browser, base, output }) {
  await importBusinesses(base, [`${businessId},${businessName},法人,製造業,5,会員,sato`]);
  const caseId = await finishedAnalysis(base);
  console.log('[e2e] history: an analysis finished with 売上高 corrected from 48,000 to 52,000');
  await inBrowser(browser, 'history-auditor', (page) => auditorOpensItFromTheKpiReport(page, base, caseId, output));
  console.log('[e2e] history: opened from the KPI report, path and change seen, CSV checked, printable page');
  await inBrowser(browser, 'history-search', (page) => auditorFindsItByName(page, base, caseId));
  console.log('[e2e] history: found by business name');
  const running = await rest(base, 'sato')('POST', '/process-definition/key/management-analysis/submit-form',
    Object.assign(typed({ businessId, entryRoute: 'subsidy' }), { businessKey: businessId }));
  assert.equal(running.status, 200, JSON.stringify(running.body));
  await inBrowser(browser, 'history-read-only', (page) => auditorSeesNoChangeButtons(page, base, running.body.id));
  console.log('[e2e] history: Cockpit offers the auditor no change button; the running case shows where it is');
  await inEnglish(browser, base, caseId);
  console.log('[e2e] history: English browser');
}
