// An advisor works a management analysis in Tasklist, a manager opens the case and the KPI report from
// Cockpit, an auditor reads its history but cannot complete its task.
import assert from 'node:assert/strict';
import { field, importBusinesses, inBrowser, loggedIn, logIn, refusedLogIn, rest, screenshot } from '../e2e-lib.mjs';

export const title = 'an analysis through Tasklist, Cockpit and the KPI report';

const businessId = `E2E-${Date.now()}`;
const businessName = '留萌E2E商店';

async function advisorWorksTheAnalysis(page, base) {
  const tasklist = `${base}/camunda/app/tasklist/`;

  await logIn(page, tasklist, 'sato');
  const myTasks = page.locator('h4.name a', { hasText: '自分のタスク' });
  await myTasks.waitFor();
  await page.getByText('プロセスを開始').waitFor();
  assert.equal(await page.locator('.ce-eol-banner').isVisible(), false, 'the Camunda 8 banner is hidden');
  assert.match(await page.locator('#footer-timezone').innerText(), /日時の表示タイムゾーン.*Asia\/Tokyo/);
  await screenshot(page, 'tasklist-japanese-no-banner');

  await page.getByText('プロセスを開始').click();
  await page.locator('.modal-body').getByRole('link', { name: '経営分析', exact: true }).click();
  const startForm = page.locator('.modal-content');
  await field(startForm, 'BusinessId').waitFor();
  await field(startForm, 'BusinessId').fill(businessId);
  await startForm.getByLabel('巡回訪問').check();
  await screenshot(page, 'start-management-analysis');
  await startForm.getByRole('button', { name: '開始', exact: true }).click();
  await page.locator('.modal-content').waitFor({ state: 'detached' });

  await myTasks.click();
  const financialTask = page.locator('ol.tasks-list li', { hasText: '財務データを入力する' });
  await financialTask.first().waitFor();
  assert.equal(await financialTask.count(), 1, 'the advisor\'s filter lists the new task once');
  await financialTask.first().click();

  const taskForm = page.locator('[cam-tasklist-form-camunda]');
  await field(taskForm, 'Sales').waitFor();
  if (await page.getByRole('button', { name: '担当する', exact: true }).isVisible()) {
    await page.getByRole('button', { name: '担当する', exact: true }).click();
  }
  const figures = {
    Sales: '-100', PreviousSales: '45000', CostOfSales: '30000', SellingAndAdministrativeExpenses: '15000',
    OperatingProfit: '5000', Depreciation: '1200', Employees: '5', Borrowings: '20000', CashAndDeposits: '8000',
    AccountsReceivable: '6000', Inventory: '4000', AccountsPayable: '5000', NetAssets: '12000',
    TotalAssets: '40000', FixedCosts: '14000', VariableCosts: '31000'
  };
  for (const [componentId, value] of Object.entries(figures)) {
    await field(taskForm, componentId).fill(value);
  }
  const salesError = taskForm.locator('[id$="-Sales-error-message"]');
  await salesError.waitFor();
  assert.equal((await salesError.innerText()).trim(), '「売上高」にマイナスは入力できません。0 以上の数字で入力してください（例: 62,000）。');
  await field(taskForm, 'Sales').scrollIntoViewIfNeeded();
  const complete = page.getByRole('button', { name: '完了', exact: true });
  assert.equal(await complete.isDisabled(), true, 'a negative sales figure cannot be submitted');
  await screenshot(page, 'negative-sales-refused');

  await field(taskForm, 'Sales').fill('50000');
  await salesError.waitFor({ state: 'detached' });
  await complete.click();

  const reviewTask = page.locator('ol.tasks-list li', { hasText: '財務分析の結果を確認する' });
  await reviewTask.first().waitFor();
  await page.locator('ol.tasks-list li', { hasText: '財務データを入力する' }).waitFor({ state: 'detached' });
  await screenshot(page, 'next-task-in-my-tasks');
}

async function managerOpensTheCaseInCockpit(page, base, processInstanceId) {
  await logIn(page, `${base}/camunda/app/cockpit/`, 'takahashi');
  await loggedIn(page);
  await page.goto(`${base}/camunda/app/cockpit/default/#/process-instance/${processInstanceId}/runtime`);
  await page.locator('.djs-container').waitFor();
  await page.locator('.djs-element[data-element-id="ReviewFinancialAnalysis"]').waitFor();
  await page.getByText(processInstanceId).first().waitFor();
  assert.equal(await page.locator('.ce-eol-banner').isVisible(), false, 'the Camunda 8 banner is hidden');
  await screenshot(page, 'cockpit-manager-instance');

  // Cockpit's header offers the KPI report, which opens in a tab of its own
  const reportEntry = page.locator('[cam-widget-header] a.bansou-kpi-report');
  assert.equal((await reportEntry.innerText()).trim(), '成果検証シート（KPIレポート）');
  const [report] = await Promise.all([page.context().waitForEvent('page'), reportEntry.click()]);
  await report.locator('#sheet tbody tr').first().waitFor();
  assert.equal(new URL(report.url()).pathname, '/kpi/');
  assert.match(await report.locator('h1').innerText(), /成果検証（KPIレポート）/);
  await screenshot(report, 'kpi-report-from-cockpit');
}

async function auditorReadsButCannotComplete(page, base, processInstanceId) {
  const auditor = rest(base, 'tanaka');
  const history = await auditor('GET', `/history/activity-instance?processInstanceId=${processInstanceId}&activityId=EnterFinancialFigures`);
  assert.equal(history.status, 200);
  assert.equal(history.body.length, 1, 'the auditor reads the completed financial task in the history');
  assert.ok(history.body[0].endTime, 'the financial task is finished');
  const tasks = await auditor('GET', `/task?processInstanceId=${processInstanceId}`);
  assert.equal(tasks.status, 200);
  assert.equal(tasks.body.length, 1, 'the auditor sees the open task');
  const completion = await auditor('POST', `/task/${tasks.body[0].id}/complete`, { variables: {} });
  assert.equal(completion.status, 403, 'the auditor may not complete the task');
  assert.equal(completion.body.type, 'AuthorizationException');

  await refusedLogIn(page, `${base}/camunda/app/tasklist/`, 'tanaka');
  await screenshot(page, 'tasklist-refuses-auditor');
  await logIn(page, `${base}/camunda/app/cockpit/`, 'tanaka');
  await loggedIn(page);
  await page.goto(`${base}/camunda/app/cockpit/default/#/process-instance/${processInstanceId}/runtime`);
  await page.locator('.djs-element[data-element-id="ReviewFinancialAnalysis"]').waitFor();
  await screenshot(page, 'cockpit-auditor-instance');
}

export async function run({ browser, base }) {
  // the office registers the business first: a case starts only for a business of the registry
  await importBusinesses(base, [`${businessId},${businessName},個人,卸売業、小売業,5,会員,sato`]);
  await inBrowser(browser, 'advisor', (page) => advisorWorksTheAnalysis(page, base));
  console.log('[e2e] advisor: started the analysis, Japanese message for negative sales, next task listed');

  const instances = await rest(base, 'takahashi')('GET', `/process-instance?businessKey=${businessId}&processDefinitionKey=management-analysis`);
  assert.equal(instances.status, 200);
  assert.equal(instances.body.length, 1, 'the manager finds the case by its business id');
  const processInstanceId = instances.body[0].id;

  await inBrowser(browser, 'manager', (page) => managerOpensTheCaseInCockpit(page, base, processInstanceId));
  console.log('[e2e] manager: opened the case and the KPI report from Cockpit');
  await inBrowser(browser, 'auditor', (page) => auditorReadsButCannotComplete(page, base, processInstanceId));
  console.log('[e2e] auditor: read the history, refused to complete the task and to enter Tasklist');
}
