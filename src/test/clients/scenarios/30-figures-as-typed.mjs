// An advisor types the financial figures of an analysis the way Japanese office staff do — commas,
// full-width digits from the IME, spaces, a △ for a loss, a slip of letters corrected by clearing and
// retyping — and every figure is stored as the number meant (read back over REST). A figure that is
// possible but unlikely (62 typed for 62,000) stops the task until the advisor confirms it with a reason.
import assert from 'node:assert/strict';
import { eventually, field, importBusinesses, inBrowser, logIn, loggedIn, rest, screenshot } from '../e2e-lib.mjs';

export const title = 'figures typed as Japanese staff type them, stored as meant';

const stamp = Date.now();
const plain = { id: `E2E-FIG-${stamp}`, name: '留萌数字確認水産' };
const slip = { id: `E2E-FIG2-${stamp}`, name: '留萌打ち間違い商店' };

async function startAnalysis(base, businessId) {
  const started = await rest(base, 'sato')('POST', '/process-definition/key/management-analysis/start', {
    businessKey: businessId,
    variables: { businessId: { value: businessId, type: 'String' }, entryRoute: { value: 'seminar', type: 'String' } }
  });
  assert.equal(started.status, 200, JSON.stringify(started.body));
  return started.body.id;
}

async function openFinancialTask(page, base, processInstanceId) {
  // straight to the case's task: other scenarios' analyses wait in the same list
  const tasks = await rest(base, 'sato')('GET', `/task?processInstanceId=${processInstanceId}`);
  assert.equal(tasks.body.length, 1);
  assert.equal(tasks.body[0].name, '財務データを入力する');
  await logIn(page, `${base}/camunda/app/tasklist/`, 'sato');
  await loggedIn(page);
  await page.locator('h4.name a', { hasText: '自分のタスク' }).waitFor();
  await page.goto(`${base}/camunda/app/tasklist/default/#/?task=${tasks.body[0].id}`);
  const form = page.locator('[cam-tasklist-form-camunda]');
  await field(form, 'Sales').waitFor();
  if (await page.getByRole('button', { name: '担当する', exact: true }).isVisible()) {
    await page.getByRole('button', { name: '担当する', exact: true }).click();
  }
  return form;
}

/** Waits until the case has moved on to the review of its figures (the completion went through). */
async function reviewReached(base, processInstanceId) {
  await eventually(async () => {
    const tasks = await rest(base, 'sato')('GET', `/task?processInstanceId=${processInstanceId}`);
    return tasks.body.length === 1 && tasks.body[0].name === '財務分析の結果を確認する' ? true : undefined;
  }, 60, 'the figures task was not completed');
}

function errorOf(form, componentId) {
  return form.locator(`[id$="-${componentId}-error-message"]`);
}

async function typesEveryVariant(page, base, processInstanceId) {
  const form = await openFinancialTask(page, base, processInstanceId);
  const typed = {
    Sales: '62,000', PreviousSales: '６０，０００', CostOfSales: ' 39,800 ', SellingAndAdministrativeExpenses: '１８６００',
    OperatingProfit: '3,600', Depreciation: '１，０００', Employees: '１２', Borrowings: '15,000', CashAndDeposits: '8000',
    AccountsReceivable: '6,000', Inventory: '3,000', AccountsPayable: '5,000', NetAssets: '△2,000',
    TotalAssets: '36,000', FixedCosts: '12,000', VariableCosts: '28,800'
  };
  for (const [componentId, value] of Object.entries(typed)) {
    await field(form, componentId).fill(value);
  }
  // letters are not dropped silently: the field says what to type
  await field(form, 'Inventory').fill('3千');
  await errorOf(form, 'Inventory').waitFor();
  assert.equal((await errorOf(form, 'Inventory').innerText()).trim(),
    '「棚卸資産」は数字で入力してください。全角・半角の数字とカンマが使えます（例: 62,000 または ６２，０００）。');
  const complete = page.getByRole('button', { name: '完了', exact: true });
  assert.equal(await complete.isDisabled(), true, 'a figure with letters cannot be submitted');
  await field(form, 'Inventory').scrollIntoViewIfNeeded();
  await screenshot(page, 'figures-letters-refused');
  // cleared and retyped, the value is the one typed last
  await field(form, 'Inventory').fill('');
  await field(form, 'Inventory').fill('３，０００');
  await errorOf(form, 'Inventory').waitFor({ state: 'detached' });
  for (const [componentId, value] of Object.entries(typed)) {
    if (componentId !== 'Inventory') {
      assert.equal(await field(form, componentId).inputValue(), value, `${componentId} keeps what was typed`);
    }
  }
  await field(form, 'Sales').scrollIntoViewIfNeeded();
  await screenshot(page, 'figures-typed-as-staff-type');
  await complete.click();
  await reviewReached(base, processInstanceId);
  await screenshot(page, 'figures-completed');

  const variables = await rest(base, 'takahashi')('GET', `/process-instance/${processInstanceId}/variables`);
  assert.equal(variables.status, 200);
  const stored = Object.fromEntries(Object.entries(variables.body).map(([name, v]) => [name, [v.type, v.value]]));
  assert.deepEqual(stored.sales, ['Long', 62000]);
  assert.deepEqual(stored.previousSales, ['Long', 60000]);
  assert.deepEqual(stored.costOfSales, ['Long', 39800]);
  assert.deepEqual(stored.sellingAndAdministrativeExpenses, ['Long', 18600]);
  assert.deepEqual(stored.depreciation, ['Long', 1000]);
  assert.deepEqual(stored.employees, ['Long', 12]);
  assert.deepEqual(stored.inventory, ['Long', 3000]);
  assert.deepEqual(stored.netAssets, ['Long', -2000]);
  assert.deepEqual(stored.lbSalesGrowthText, ['String', '3.3%']);
  assert.deepEqual(stored.lbOperatingMarginText, ['String', '5.8%']);
}

async function confirmsAnUnlikelyFigure(page, base, processInstanceId) {
  const form = await openFinancialTask(page, base, processInstanceId);
  const typed = {
    Sales: '62', PreviousSales: '62,000', CostOfSales: '40', SellingAndAdministrativeExpenses: '18,600',
    OperatingProfit: '-3,600', Depreciation: '1,000', Employees: '12', Borrowings: '15,000', CashAndDeposits: '8,000',
    AccountsReceivable: '6,000', Inventory: '3,000', AccountsPayable: '5,000', NetAssets: '2,000',
    TotalAssets: '36,000', FixedCosts: '12,000', VariableCosts: '20'
  };
  for (const [componentId, value] of Object.entries(typed)) {
    await field(form, componentId).fill(value);
  }
  await page.getByRole('button', { name: '完了', exact: true }).click();
  const warning = page.getByText('売上増加率が -99.9% になります', { exact: false });
  await warning.first().waitFor();
  await screenshot(page, 'figures-unlikely-warning');
  let variables = await rest(base, 'takahashi')('GET', `/process-instance/${processInstanceId}/variables`);
  assert.equal(variables.body.sales, undefined, 'nothing is stored before the figures are confirmed');

  // the refusal's notification covers the 完了 button until it is closed
  const closeNotification = page.locator('.page-notifications .close:visible');
  await closeNotification.first().click();
  await closeNotification.first().waitFor({ state: 'detached' });
  await field(form, 'ImplausibleFiguresReason').fill('前期末に主力工場が被災し、今期はほぼ休業したため');
  await page.getByRole('button', { name: '完了', exact: true }).click();
  await reviewReached(base, processInstanceId);
  variables = await rest(base, 'takahashi')('GET', `/process-instance/${processInstanceId}/variables`);
  assert.equal(variables.body.sales.value, 62);
  assert.match(variables.body.implausibleFiguresWarning.value, /^売上増加率が -99\.9% になります/);
  assert.equal(variables.body.implausibleFiguresReason.value, '前期末に主力工場が被災し、今期はほぼ休業したため');
  assert.match(variables.body.lbEbitdaDebtRatioText.value, /^算出不可（要注意: EBITDA/);
}

export async function run({ browser, base }) {
  await importBusinesses(base, [
    `${plain.id},${plain.name},法人,製造業,12,会員,sato`,
    `${slip.id},${slip.name},個人,卸売業、小売業,3,会員,sato`
  ]);
  const plainCase = await startAnalysis(base, plain.id);
  await inBrowser(browser, 'figures-advisor', (page) => typesEveryVariant(page, base, plainCase));
  console.log('[e2e] figures: 62,000 / ６２，０００ / １８６００ / " 39,800 " / △2,000 stored as meant; letters refused');
  const slipCase = await startAnalysis(base, slip.id);
  await inBrowser(browser, 'figures-confirmation', (page) => confirmsAnUnlikelyFigure(page, base, slipCase));
  console.log('[e2e] figures: 62 against 62,000 warned, confirmed with a reason kept in history');
}
