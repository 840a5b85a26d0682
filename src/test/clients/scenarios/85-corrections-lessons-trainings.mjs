// Plan §10 in the browser: a manager corrects a contact's channel and date in the case file (the timeline shows
// the corrected record and who corrected it; a colleague is refused in Japanese); staff search the lessons of
// closed cases by industry and open the business's case file; an assistant's external training gives a transfer
// training due on an open day that says why it moved; a staff meeting naming the business shows in its case file;
// a colleague and an auditor see no correction button; a manager corrects the training's date on the trainings page
// (/trainings/) and an auditor reads that page without a correction button.
import assert from 'node:assert/strict';
import { eventually, field, importBusinesses, inBrowser, loggedIn, logIn, PASSWORD, rest, screenshot } from '../e2e-lib.mjs';

const basic = (user) => 'Basic ' + Buffer.from(`${user}:${PASSWORD}`).toString('base64');

export const title = 'a manager corrects a contact; lessons are searched; trainings and meetings are recorded';

const businessId = `E2E-85-${Date.now()}`;
const businessName = '留萌E2E訂正テスト商店';
const PATIENCE = 120_000;

const today = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Tokyo' });

async function api(base, user, method, path, body) {
  const response = await fetch(`${base}${path}`, {
    method, headers: { authorization: basic(user), 'content-type': 'application/json', accept: 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body)
  });
  return { status: response.status, body: await response.json().catch(() => null) };
}

/** The lessons case asks its advisor once the job executor has run its asynchronous start (ADR 0116). */
function lessonsTask(engine, processInstanceId) {
  return eventually(async () => {
    const tasks = await engine('GET', `/task?processInstanceId=${processInstanceId}`);
    return tasks.body.length === 1 ? tasks.body[0] : undefined;
  }, 30, 'the lessons case did not ask its advisor within 30 s');
}

async function recordsByApi(base) {
  const contact = await api(base, 'suzuki', 'POST', `/api/businesses/${businessId}/contacts`, {
    contactDate: today(), channel: 'counter', topicFinance: true, heard: '運転資金の相談（電話だったが窓口と記録した）'
  });
  assert.equal(contact.status, 201, JSON.stringify(contact.body));

  // a lesson of a closed case of this business, as the lessons step records it
  const engine = rest(base, 'sato');
  const lesson = await engine('POST', '/process-definition/key/support-lessons/start', {
    businessKey: businessId,
    variables: {
      advisor: { value: 'sato' }, businessName: { value: businessName }, industry: { value: '卸売業、小売業' },
      track: { value: 'management-analysis' }, trackName: { value: '経営分析' }
    }
  });
  assert.equal(lesson.status, 200, JSON.stringify(lesson.body));
  const review = await lessonsTask(engine, lesson.body.id);
  const done = await engine('POST', `/task/${review.id}/complete`, {
    variables: {
      lessonKind: { value: 'success' }, lessonTopic: { value: 'finance' }, lessonCategory: { value: '早めの資金計画' },
      lessonText: { value: '決算前に資金繰り表を一緒に作ったので、マル経の申込みが間に合った' }
    }
  });
  assert.equal(done.status, 204, JSON.stringify(done.body));

  // a staff meeting is due (the timer on the 5th and 20th starts it; here the manager starts it at once)
  const manager = rest(base, 'takahashi');
  const meeting = await manager('POST', '/process-definition/key/staff-meeting/start', {
    startInstructions: [{ type: 'startBeforeActivity', activityId: 'RecordStaffMeeting' }]
  });
  assert.equal(meeting.status, 200, JSON.stringify(meeting.body));
  const recordTask = await manager('GET', `/task?processInstanceId=${meeting.body.id}`);
  return recordTask.body[0].id;
}

/** The latest day before today whose thirtieth day after is a Saturday (yyyy-mm-dd, Japan time). */
function trainingDayBeforeASaturday() {
  for (let back = 1; back < 10; back++) {
    const day = new Date(Date.now() - back * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Asia/Tokyo' });
    const due = new Date(`${day}T12:00:00+09:00`);
    due.setUTCDate(due.getUTCDate() + 30);
    if (due.getUTCDay() === 6) return day;
  }
  throw new Error('no day found');
}

/** Picks a choice of a form-js select, whether it renders a native select or its own dropdown. */
async function choose(scope, componentId, label) {
  const select = field(scope, componentId);
  if (await select.evaluate((node) => node.tagName === 'SELECT')) {
    await select.selectOption({ label });
    return;
  }
  // form-js draws its own dropdown; the hidden input sits inside the visible group that opens it
  await select.locator('xpath=..').click();
  await scope.locator('.fjs-dropdownlist-item', { hasText: label }).first().click();
}

async function fillDate(scope, componentId, isoDay) {
  const input = scope.locator(`.fjs-form [id$="-${componentId}-date"]`);
  await input.fill(isoDay.replaceAll('-', '/'));
  await input.press('Enter');
}

async function assistantRecordsATrainingAndAMeeting(page, base, meetingTaskId) {
  page.setDefaultTimeout(PATIENCE);
  const tasklist = `${base}/camunda/app/tasklist/`;
  await logIn(page, tasklist, 'suzuki');
  await loggedIn(page);
  await page.getByText('プロセスを開始').click();
  await page.locator('.modal-body').getByRole('link', { name: '外部研修と伝達研修', exact: true }).click();
  const startForm = page.locator('.modal-content');
  await field(startForm, 'TrainingTitle').waitFor();
  // a past training whose transfer training, thirty days on, would fall due on a Saturday: it moves to an open day
  const trainingDay = trainingDayBeforeASaturday();
  await fillDate(startForm, 'TrainingDate', trainingDay);
  await choose(startForm, 'Organiser', '北海道商工会議所連合会');
  await field(startForm, 'TrainingTitle').fill('経営力再構築伴走支援研修会（札幌）');
  await startForm.getByLabel('経営力再構築伴走支援研修会', { exact: true }).check();
  await screenshot(page, 'assistant-records-external-training');
  await startForm.getByRole('button', { name: '開始', exact: true }).click();
  await startForm.waitFor({ state: 'detached' });

  const engine = rest(base, 'suzuki');
  const transfer = await engine('GET', '/task?assignee=suzuki&taskDefinitionKey=HoldTransferTraining&sortBy=created&sortOrder=desc');
  assert.ok(transfer.body.length > 0, 'the transfer training task is the assistant\'s');
  const due = transfer.body[0].due;
  assert.ok(due, 'the transfer training has a due date');
  await page.goto(`${tasklist}#/?task=${transfer.body[0].id}`);
  await page.locator('.task-details').getByText('伝達研修を行う').first().waitFor();
  await page.getByText('説明', { exact: true }).first().click();
  const dueDay = new Date(due).toLocaleDateString('sv-SE', { timeZone: 'Asia/Tokyo' }).replaceAll('-', '/');
  await page.locator('.task-details').getByText(new RegExp(`期限: ${dueDay}（.+のため翌営業日）`)).first().waitFor();
  await screenshot(page, 'transfer-training-task-with-due-date');
  console.log('[e2e] transfer training due', dueDay, '—', transfer.body[0].description.split('\n').find((l) => l.startsWith('期限')));

  // the staff meeting's record, naming the business
  await page.goto(`${tasklist}#/?task=${meetingTaskId}`);
  const meetingForm = page.locator('[cam-tasklist-form-camunda]');
  await field(meetingForm, 'MeetingNotes').waitFor();
  if (await page.getByRole('button', { name: '担当する', exact: true }).isVisible()) {
    await page.getByRole('button', { name: '担当する', exact: true }).click();
  }
  await fillDate(meetingForm, 'MeetingDate', today());
  await field(meetingForm, 'MeetingAttendees').fill('sato、suzuki、takahashi');
  await field(meetingForm, 'DiscussedBusinesses').fill(businessId);
  await field(meetingForm, 'MeetingNotes').fill('年末の資金繰りと伴走支援の進め方を共有');
  await screenshot(page, 'staff-meeting-record');
  await page.getByRole('button', { name: '完了', exact: true }).click();
  await page.locator('[cam-tasklist-form-camunda]').waitFor({ state: 'detached' });
}

async function managerCorrectsTheContact(page, base) {
  page.setDefaultTimeout(PATIENCE);
  await page.setExtraHTTPHeaders({ authorization: basic('takahashi') });
  await page.goto(`${base}/casefile/?id=${encodeURIComponent(businessId)}`);
  const first = page.locator('#contact-timeline li.contact').first();
  await first.waitFor();
  await first.getByText('記録を訂正する（管理者・記録した本人）').click();
  await first.getByLabel('相談の方法').selectOption('phone');
  await first.getByLabel('訂正の理由').fill('電話での相談を窓口と記録していた');
  await screenshot(page, 'casefile-correct-contact-form');
  await first.getByRole('button', { name: '訂正を記録する' }).click();
  await page.locator('#contact-timeline .correction', { hasText: '相談の方法 窓口 → 電話' }).waitFor();
  const entry = await page.locator('#contact-timeline li.contact').first().innerText();
  assert.match(entry, /電話\s+鈴木 美咲/);
  assert.match(entry, /高橋 誠が訂正: 相談の方法 窓口 → 電話（理由: 電話での相談を窓口と記録していた）/);
  const meetingEntry = page.locator('#staff-meetings li', { hasText: '年末の資金繰り' });
  await meetingEntry.waitFor();
  // who attended, by name as staff know each other
  assert.match(await meetingEntry.innerText(), /参加：佐藤 一郎、鈴木 美咲、高橋 誠/);
  await page.locator('#lessons li', { hasText: '早めの資金計画' }).waitFor();
  await page.locator('#contact-timeline').scrollIntoViewIfNeeded();
  await screenshot(page, 'casefile-corrected-contact');
}

async function colleagueAndAuditorSeeNoCorrectionButton(page, base) {
  page.setDefaultTimeout(PATIENCE);
  for (const user of ['sato', 'tanaka']) {
    await page.setExtraHTTPHeaders({ authorization: basic(user) });
    await page.goto(`${base}/casefile/?id=${encodeURIComponent(businessId)}`);
    const first = page.locator('#contact-timeline li.contact').first();
    await first.locator('.correction', { hasText: '相談の方法 窓口 → 電話' }).waitFor();
    assert.equal(await first.getByText('記録を訂正する').count(), 0, `${user} sees no correction button`);
    assert.equal(await page.locator('details.correct').count(), 0, `${user} sees no correction form at all`);
    await first.scrollIntoViewIfNeeded();
    await screenshot(page, `casefile-no-correction-button-${user}`);
  }
  // the server still refuses a colleague who asks anyway, in Japanese
  const contacts = await api(base, 'sato', 'GET', `/api/businesses/${businessId}/contacts`);
  const refused = await api(base, 'sato', 'POST', `/api/records/${contacts.body[0].id}/corrections`,
    { channel: 'visit', correctionReason: '訪問だった' });
  assert.equal(refused.status, 403);
  assert.match(refused.body.message, /ほかの職員の記録は訂正できません/);
}

/** The assistant's training recorded in Tasklist above, as the trainings page lists it (newest first). */
async function assistantsTraining(base) {
  const fiscalYear = Number(today().slice(0, 4)) - (Number(today().slice(5, 7)) < 4 ? 1 : 0);
  const year = await api(base, 'takahashi', 'GET', `/api/staff-records/${fiscalYear}`);
  assert.equal(year.status, 200, JSON.stringify(year.body));
  const training = year.body.trainings.find((t) => t.heading.includes('鈴木 美咲') && t.heading.includes('伴走支援研修会（札幌）'));
  assert.ok(training, 'the assistant\'s training is on the page');
  return training;
}

async function managerCorrectsATrainingsDate(page, base) {
  page.setDefaultTimeout(PATIENCE);
  const training = await assistantsTraining(base);
  const recorded = training.fields.find((f) => f.name === 'trainingDate').value;
  const day = new Date(`${recorded}T12:00:00+09:00`);
  day.setUTCDate(day.getUTCDate() - 1);
  const corrected = day.toISOString().slice(0, 10);
  await page.setExtraHTTPHeaders({ authorization: basic('takahashi') });
  await page.goto(`${base}/trainings/`);
  const item = page.locator(`#trainings li[data-id="${training.id}"]`);
  await item.waitFor();
  await item.getByText('記録を訂正する（管理者・記録した本人）').click();
  await item.getByLabel('研修の日付', { exact: true }).fill(corrected);
  await item.getByLabel('訂正の理由').fill('研修は前日だった（参加証明書で確認）');
  await screenshot(page, 'trainings-correct-date-form');
  await item.getByRole('button', { name: '訂正を記録する' }).click();
  const slash = (iso) => iso.replaceAll('-', '/');
  await item.locator('.correction', { hasText: `研修の日付 ${slash(recorded)} → ${slash(corrected)}` }).waitFor();
  const text = await item.innerText();
  assert.ok(text.startsWith(slash(corrected)), 'the heading shows the corrected date: ' + text.split('\n')[0]);
  assert.match(text, /高橋 誠が訂正: 研修の日付 .+（理由: 研修は前日だった（参加証明書で確認））/);
  await item.scrollIntoViewIfNeeded();
  await screenshot(page, 'trainings-corrected-date');
  console.log('[e2e] training date', slash(recorded), '→', slash(corrected));
}

async function auditorReadsTrainingsWithoutCorrecting(page, base) {
  page.setDefaultTimeout(PATIENCE);
  const training = await assistantsTraining(base);
  await page.setExtraHTTPHeaders({ authorization: basic('tanaka') });
  await page.goto(`${base}/trainings/`);
  const item = page.locator(`#trainings li[data-id="${training.id}"]`);
  await item.locator('.correction', { hasText: '高橋 誠が訂正: 研修の日付' }).waitFor();
  await page.locator('#meetings li.record').first().waitFor();
  assert.equal(await page.getByText('記録を訂正する').count(), 0, 'the auditor sees no correction button');
  await screenshot(page, 'trainings-auditor-read-only');
}

async function staffSearchLessons(page, base) {
  page.setDefaultTimeout(PATIENCE);
  await page.setExtraHTTPHeaders({ authorization: basic('ito') });
  await page.goto(`${base}/lessons/`);
  await page.locator('#industry option', { hasText: '卸売業、小売業' }).waitFor({ state: 'attached' });
  await page.getByLabel('業種').selectOption('卸売業、小売業');
  await page.getByLabel('分野').selectOption('finance');
  await page.getByLabel('キーワード（スペース区切りですべてを含む）').fill('資金繰り表');
  await page.getByRole('button', { name: '探す' }).click();
  const result = page.locator('#lessons li.lesson', { hasText: businessName });
  await result.waitFor();
  const text = await result.innerText();
  assert.match(text, /成功事例\s+金融・マル経・早めの資金計画/);
  assert.match(text, /卸売業、小売業/);
  assert.match(text, /経営分析/);
  // the day it was recorded, as staff write dates: 2026/12/02, never 2026/12/2
  assert.match(text, /\b\d{4}\/\d{2}\/\d{2}\b/);
  await screenshot(page, 'lessons-search');
  await result.getByRole('link', { name: new RegExp(businessName) }).click();
  await page.locator('#business-name', { hasText: businessName }).waitFor();
}

export async function run({ browser, base }) {
  await importBusinesses(base, [`${businessId},${businessName},法人,卸売業、小売業,4,会員,sato`]);
  const meetingTaskId = await recordsByApi(base);
  console.log('[e2e] contact and lesson recorded, staff meeting due');
  await inBrowser(browser, 'assistant-training-meeting', (page) => assistantRecordsATrainingAndAMeeting(page, base, meetingTaskId));
  console.log('[e2e] assistant: external training recorded in Tasklist, transfer training due, staff meeting recorded');
  await inBrowser(browser, 'manager-correction', (page) => managerCorrectsTheContact(page, base));
  console.log('[e2e] manager: corrected the contact\'s channel in the case file');
  await inBrowser(browser, 'no-correction-button', (page) => colleagueAndAuditorSeeNoCorrectionButton(page, base));
  console.log('[e2e] advisor and auditor: no correction button on a colleague\'s contact (the API refuses in Japanese)');
  await inBrowser(browser, 'manager-corrects-training', (page) => managerCorrectsATrainingsDate(page, base));
  console.log('[e2e] manager: corrected the assistant\'s training date on the trainings page');
  await inBrowser(browser, 'auditor-trainings', (page) => auditorReadsTrainingsWithoutCorrecting(page, base));
  console.log('[e2e] auditor: reads the trainings page, no correction button');
  await inBrowser(browser, 'lessons-search', (page) => staffSearchLessons(page, base));
  console.log('[e2e] staff: lessons searched by industry, topic and text, case file opened from the result');
}
