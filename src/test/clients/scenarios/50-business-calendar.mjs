// A follow-up visit whose due date falls on a day the chamber is closed: Tasklist and the case file show the
// next open day, and the case file says why (「…のため翌営業日」).
import assert from 'node:assert/strict';
import { importBusinesses, inBrowser, loggedIn, logIn, rest, screenshot } from '../e2e-lib.mjs';

export const title = 'a due date on a closed day moves to the next open day, and the case file says why';

const businessId = `E2E-CAL-${Date.now()}`;
const businessName = '留萌営業日テスト商店';
const DAY = 24 * 60 * 60 * 1000;

/** Today's date in Japan as yyyy-mm-dd, and a day's weekday there. */
function japanDate(date) {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Tokyo' }).format(date);
}

/** The first day from two weeks and a day on that is a weekend or in the year-end closure (12/29–1/3). */
function closedDayAhead(now) {
  for (let days = 15; days < 60; days++) {
    const day = new Date(now.getTime() + days * DAY);
    const [, month, dayOfMonth] = japanDate(day).split('-').map(Number);
    const weekday = new Date(`${japanDate(day)}T12:00:00+09:00`).getUTCDay();
    if (weekday === 0 || weekday === 6 || (month === 12 && dayOfMonth >= 29) || (month === 1 && dayOfMonth <= 3)) {
      return days;
    }
  }
  throw new Error('no closed day within 60 days');
}

export async function run({ browser, base }) {
  await importBusinesses(base, [`${businessId},${businessName},個人,卸売業、小売業,3,会員,sato`]);
  const admin = rest(base, 'admin');
  const now = new Date();
  const daysToDue = closedDayAhead(now);
  const plannedDue = japanDate(new Date(now.getTime() + daysToDue * DAY));

  // a monthly follow-up whose visit falls due so that its two-week window ends on the closed day
  const started = await admin('POST', '/process-definition/key/follow-up-visits/start', {
    businessKey: businessId,
    variables: {
      advisor: { value: 'sato' }, businessName: { value: businessName }, industry: { value: '小売業' },
      employees: { value: 3 }, followUpTrack: { value: 'plan' }, visitInterval: { value: `P${daysToDue - 14}D` },
      visitCount: { value: 1 }, assessesSalesGrowth: { value: false }
    }
  });
  assert.equal(started.status, 200, JSON.stringify(started.body));
  // the visit falls due in about two weeks: fire its timer now instead of waiting, as the job executor would then
  const jobs = await admin('GET', `/job?processInstanceId=${started.body.id}&timers=true&activityId=VisitFallsDue`);
  assert.equal(jobs.body.length, 1);
  assert.equal((await admin('POST', `/job/${jobs.body[0].id}/execute`)).status, 204);

  const tasks = await admin('GET', `/task?processInstanceId=${started.body.id}&taskDefinitionKey=RecordVisit`);
  assert.equal(tasks.body.length, 1);
  // the engine writes offsets as +0900
  const dueMoment = new Date(tasks.body[0].due.replace(/([+-]\d\d)(\d\d)$/, '$1:$2')).getTime();
  const due = japanDate(new Date(dueMoment));
  assert.ok(due > plannedDue, `the due date ${due} moved past the closed day ${plannedDue}`);

  await inBrowser(browser, 'business-calendar', async (page) => {
    await logIn(page, `${base}/camunda/app/tasklist/`, 'sato');
    await loggedIn(page);
    // the task opened in the Tasklist just logged into, as a click on it would: loading Tasklist a second time in
    // the same page was seen (twice in full runs, never alone) to load a page whose scripts its own content security
    // policy refused (nonce), leaving the spinner; the browser's report is kept in failed-*.log
    await page.goto(`${base}/camunda/app/tasklist/default/#/?task=${tasks.body[0].id}`);
    await page.locator('ol.tasks-list li', { hasText: '巡回訪問を記録する' }).first().waitFor();
    await page.locator('[cam-tasklist-form-camunda] .fjs-form').waitFor();
    // Tasklist shows the due date it holds, the moved one, relative to now: 「期限 19日後」
    const daysAhead = Math.round((dueMoment - Date.now()) / DAY);
    await page.locator('ol.tasks-list li', { hasText: `期限 ${daysAhead}日後` }).first().waitFor();
    await screenshot(page, 'tasklist-visit-due-on-open-day');

    await page.goto(`${base}/casefile/?id=${encodeURIComponent(businessId)}`);
    const visits = page.locator('#visits tbody tr');
    await visits.first().waitFor();
    const row = await visits.first().innerText();
    const shown = due.replace(/^(\d+)-0?(\d+)-0?(\d+)$/, '$1/$2/$3');
    assert.ok(row.includes(shown), `the case file shows the moved date ${shown}: ${row}`);
    assert.match(row, /（.+のため翌営業日）/, 'the case file says why');
    const task = page.locator('#cases').getByText(/巡回訪問を記録する.*のため翌営業日/);
    await task.first().waitFor();
    await screenshot(page, 'casefile-due-date-moved');
  });
}
