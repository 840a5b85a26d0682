// An advisor records a fair's sales in Tasklist: the form asks for the day the sales were made
// (販売した日（会期の最終日）). Left empty it is today; a fair that ended earlier is recorded with its own day, which
// the KPI report counts by (read back over REST), not the day it was typed in.
import assert from 'node:assert/strict';
import { eventually, field, importBusinesses, inBrowser, logIn, loggedIn, rest, screenshot } from '../e2e-lib.mjs';

export const title = 'a fair\'s sales are recorded with the day they were made, today when left empty';

const stamp = Date.now();
const today = { id: `E2E-DAY-${stamp}`, name: '留萌きょう物産' };
const earlier = { id: `E2E-DAY2-${stamp}`, name: '留萌さきの物産' };

const DAY = 24 * 3600 * 1000;

/** A day in Japan as yyyy-mm-dd. */
function japanDate(date) {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Tokyo' }).format(date);
}

/** A trade fair waiting at its sales record, as after the fair's days (the fair's own timer is months away). */
async function fairAtSalesRecord(base, business) {
  const started = await rest(base, 'admin')('POST', '/process-definition/key/trade-fair/start', {
    businessKey: business.id,
    variables: {
      advisor: { value: 'sato' }, businessName: { value: business.name }, productName: { value: '味付け数の子' },
      fairLabel: { value: 'たべマルシェ（札幌）' },
      resultsDueDate: { value: `${japanDate(new Date(Date.now() + 7 * DAY))}T17:00:00.000+0900`, type: 'Date' }
    },
    startInstructions: [{ type: 'startBeforeActivity', activityId: 'RecordFairSales' }]
  });
  assert.equal(started.status, 200, JSON.stringify(started.body));
  const tasks = await rest(base, 'sato')('GET', `/task?processInstanceId=${started.body.id}`);
  assert.equal(tasks.body.length, 1, JSON.stringify(tasks.body));
  assert.equal(tasks.body[0].name, '物産展での売上を記録する');
  return { processInstanceId: started.body.id, taskId: tasks.body[0].id };
}

async function recordSales(page, base, taskId, sales, typeDay) {
  await page.goto(`${base}/camunda/app/tasklist/default/#/?task=${taskId}`);
  const form = page.locator('[cam-tasklist-form-camunda]');
  await field(form, 'FairSales').waitFor();
  if (await page.getByRole('button', { name: '担当する', exact: true }).isVisible()) {
    await page.getByRole('button', { name: '担当する', exact: true }).click();
  }
  await form.getByText('販売した日（会期の最終日）').waitFor();
  await form.getByText('空欄なら今日の日付になります').waitFor();
  if (typeDay) {
    await typeDay(form);
  }
  await field(form, 'FairSales').fill(sales);
  return form;
}

async function storedSalesDay(base, processInstanceId) {
  return eventually(async () => {
    const found = await rest(base, 'admin')('GET',
      `/history/variable-instance?processInstanceId=${processInstanceId}&variableName=fairSalesDate`);
    return found.body.length === 1 && found.body[0].value ? found.body[0].value : undefined;
  }, 60, 'the sales record was not completed');
}

export async function run({ browser, base }) {
  await importBusinesses(base, [`${today.id},${today.name},法人,製造業,8,会員,sato`,
    `${earlier.id},${earlier.name},法人,製造業,5,会員,sato`]);
  const left = await fairAtSalesRecord(base, today);
  const typed = await fairAtSalesRecord(base, earlier);
  const day = new Date(Date.now() - 3 * DAY);
  const earlierDay = japanDate(day);

  await inBrowser(browser, 'work-dates', async (page) => {
    await logIn(page, `${base}/camunda/app/tasklist/`, 'sato');
    await loggedIn(page);

    // left empty: recorded as today
    await recordSales(page, base, left.taskId, '１２０，０００');
    await screenshot(page, 'fair-sales-day-left-empty');
    await page.getByRole('button', { name: '完了', exact: true }).click();
    assert.equal(await storedSalesDay(base, left.processInstanceId), japanDate(new Date()));

    // the fair ended three days ago: the advisor picks that day
    await recordSales(page, base, typed.taskId, '80,000', async (form) => {
      const input = form.locator('.fjs-form input[id*="-FairSalesDate"]');
      await input.click();
      await input.fill(earlierDay.replaceAll('-', '/'));
      await input.press('Enter');
    });
    await screenshot(page, 'fair-sales-day-typed');
    await page.getByRole('button', { name: '完了', exact: true }).click();
    assert.equal(await storedSalesDay(base, typed.processInstanceId), earlierDay);
  });
}
