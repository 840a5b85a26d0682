// Bansō through the web apps its staff use, in headless Chromium with a Japanese browser in Japan time:
// an advisor works a management analysis in Tasklist, a manager opens the case and the KPI report from
// Cockpit, an auditor reads its history but cannot complete its task. Starts the fat jar on a fresh H2
// database and stops it.
// Usage: node e2e.mjs <fat jar> <output dir>   (see .ci/e2e)
import { spawn } from 'node:child_process';
import { mkdirSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';

const [jar, outputArgument] = process.argv.slice(2);
if (!jar || !outputArgument) {
  console.error('usage: node e2e.mjs <fat jar> <output dir>');
  process.exit(2);
}
const output = resolve(outputArgument);
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const PASSWORD = 'demo';
const businessId = `E2E-${Date.now()}`;
const businessName = '留萌E2E商店';

let shot = 0;
async function screenshot(page, name) {
  shot += 1;
  const file = join(output, `${String(shot).padStart(2, '0')}-${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  console.log(`[e2e] screenshot ${file}`);
}

function freePort() {
  return new Promise((done, fail) => {
    const server = createServer();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => done(port));
    });
  });
}

async function startApplication(port) {
  const dataDir = join(output, 'data');
  rmSync(dataDir, { recursive: true, force: true });
  const log = openSync(join(output, 'app.log'), 'w');
  const java = process.env.JAVA_HOME ? join(process.env.JAVA_HOME, 'bin', 'java') : 'java';
  // no demo year: the advisor's task list must hold only what this run creates
  const app = spawn(java, ['-jar', resolve(jar), `--server.port=${port}`, `--bansou.data-dir=${dataDir}`,
    '--bansou.demo.year.enabled=false'],
    { stdio: ['ignore', log, log] });
  const started = Date.now();
  while (Date.now() - started < 120_000) {
    if (app.exitCode !== null) {
      throw new Error(`the application stopped with ${app.exitCode}; see ${join(output, 'app.log')}`);
    }
    try {
      const health = await fetch(`http://127.0.0.1:${port}/actuator/health`);
      if (health.ok) {
        console.log(`[e2e] application up on port ${port} after ${Date.now() - started} ms`);
        return app;
      }
    } catch {
      // not listening yet
    }
    await new Promise((wait) => setTimeout(wait, 500));
  }
  app.kill();
  throw new Error('the application did not become healthy within 120 s');
}

function stopApplication(app) {
  return new Promise((done) => {
    if (app.exitCode !== null) {
      done();
      return;
    }
    const force = setTimeout(() => app.kill('SIGKILL'), 20_000);
    app.on('exit', () => {
      clearTimeout(force);
      done();
    });
    app.kill('SIGTERM');
  });
}

function rest(base, user) {
  const authorization = 'Basic ' + Buffer.from(`${user}:${PASSWORD}`).toString('base64');
  return async (method, path, body) => {
    const response = await fetch(`${base}/engine-rest${path}`, {
      method,
      headers: { authorization, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body)
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null };
  };
}

/** Runs a scenario in its own browser context, keeping a screenshot and the page's HTML if it fails. */
async function inBrowser(browser, name, scenario) {
  const context = await browser.newContext({ locale: 'ja-JP', timezoneId: 'Asia/Tokyo', viewport: { width: 1400, height: 1000 } });
  const page = await context.newPage();
  try {
    await scenario(page);
  } catch (error) {
    await page.screenshot({ path: join(output, `failed-${name}.png`), fullPage: true }).catch(() => {});
    writeFileSync(join(output, `failed-${name}.html`), await page.content().catch(() => ''));
    throw error;
  } finally {
    await context.close();
  }
}

async function logIn(page, url, user) {
  await page.goto(url);
  await page.locator('input[type=text]').fill(user);
  await page.locator('input[type=password]').fill(PASSWORD);
  await page.locator('button[type=submit]').click();
}

/**
 * Waits until the login has gone through: leaving the page while it is in flight makes the next view's
 * requests unauthenticated, and Cockpit then shows a "session expired" alert that no user would see.
 */
async function loggedIn(page) {
  await page.locator('input[type=password]').waitFor({ state: 'detached' });
}

/** A form-js field by its component id in the form file (e.g. "Sales"). */
function field(scope, componentId) {
  return scope.locator(`.fjs-form [id$="-${componentId}"]`);
}

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
  assert.equal((await salesError.innerText()).trim(), '0 以上の値を入力してください。');
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

  await logIn(page, `${base}/camunda/app/tasklist/`, 'tanaka');
  await page.getByText('ログインできませんでした').waitFor();
  await screenshot(page, 'tasklist-refuses-auditor');
  await logIn(page, `${base}/camunda/app/cockpit/`, 'tanaka');
  await loggedIn(page);
  await page.goto(`${base}/camunda/app/cockpit/default/#/process-instance/${processInstanceId}/runtime`);
  await page.locator('.djs-element[data-element-id="ReviewFinancialAnalysis"]').waitFor();
  await screenshot(page, 'cockpit-auditor-instance');
}

async function main() {
  mkdirSync(output, { recursive: true });
  const started = Date.now();
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const app = await startApplication(port);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run']
  });
  try {
    // the office registers the business first: a case starts only for a business of the registry
    const imported = await fetch(`${base}/api/businesses/import`, {
      method: 'POST',
      headers: {
        authorization: 'Basic ' + Buffer.from(`takahashi:${PASSWORD}`).toString('base64'),
        'content-type': 'text/csv'
      },
      body: `事業者ID,事業者名,法人・個人,業種,従業員数,会員,担当経営指導員\n${businessId},${businessName},個人,卸売業、小売業,5,会員,sato\n`
    });
    assert.equal(imported.status, 200, await imported.text());
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
