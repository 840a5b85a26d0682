// Plan §10 in the browser: a manager corrects a contact's channel and date in the case file (the timeline shows
// the corrected record and who corrected it; a colleague is refused in Japanese); staff search the lessons of
// closed cases by industry and open the business's case file; an assistant's external training gives a transfer
// training due on an open day that says why it moved; a staff meeting naming the business shows in its case file.
import assert from 'node:assert/strict';
import { importBusinesses, inBrowser, PASSWORD, rest, screenshot } from '../e2e-lib.mjs';

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
      advisor: { value: 'sato' }, businessName: { value: businessName }, industry: { value: '小売業' },
      track: { value: 'management-analysis' }, trackName: { value: '経営分析' }
    }
  });
  assert.equal(lesson.status, 200, JSON.stringify(lesson.body));
  const review = await engine('GET', `/task?processInstanceId=${lesson.body.id}`);
  const done = await engine('POST', `/task/${review.body[0].id}/complete`, {
    variables: {
      lessonKind: { value: 'success' }, lessonTopic: { value: 'finance' }, lessonCategory: { value: '早めの資金計画' },
      lessonText: { value: '決算前に資金繰り表を一緒に作ったので、マル経の申込みが間に合った' }
    }
  });
  assert.equal(done.status, 204, JSON.stringify(done.body));

  // an assistant records an external training: the transfer training is due 30 days later on an open day
  const assistant = rest(base, 'suzuki');
  const trainingDay = new Date(Date.now() - 2 * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Asia/Tokyo' });
  const training = await assistant('POST', '/process-definition/key/external-training/submit-form', {
    variables: {
      trainingDate: { value: trainingDay }, organiser: { value: 'hokkaido' },
      trainingTitle: { value: '経営力再構築伴走支援研修会' }, trainingCategory: { value: 'accompanying' }
    }
  });
  assert.equal(training.status, 200, JSON.stringify(training.body));
  const transfer = await assistant('GET', `/task?processInstanceId=${training.body.id}`);
  assert.equal(transfer.body[0].name, '伝達研修を行う');
  assert.match(transfer.body[0].description, /期限: \d{4}\/\d{2}\/\d{2}/);
  console.log('[e2e] transfer training task:', transfer.body[0].due, transfer.body[0].description.split('\n').join(' / '));

  // a staff meeting's record naming the business
  const manager = rest(base, 'takahashi');
  const meeting = await manager('POST', '/process-definition/key/staff-meeting/start', {
    startInstructions: [{ type: 'startBeforeActivity', activityId: 'RecordStaffMeeting' }]
  });
  assert.equal(meeting.status, 200, JSON.stringify(meeting.body));
  const recordTask = await manager('GET', `/task?processInstanceId=${meeting.body.id}`);
  const recorded = await manager('POST', `/task/${recordTask.body[0].id}/complete`, {
    variables: {
      meetingDate: { value: today() }, meetingAttendees: { value: 'sato, suzuki, takahashi' },
      discussedBusinesses: { value: businessId }, meetingNotes: { value: '年末の資金繰りと伴走支援の進め方を共有' }
    }
  });
  assert.equal(recorded.status, 204, JSON.stringify(recorded.body));
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
  await page.locator('#staff-meetings li', { hasText: '年末の資金繰り' }).waitFor();
  await page.locator('#lessons li', { hasText: '早めの資金計画' }).waitFor();
  await page.locator('#contact-timeline').scrollIntoViewIfNeeded();
  await screenshot(page, 'casefile-corrected-contact');
}

async function colleagueIsRefused(page, base) {
  page.setDefaultTimeout(PATIENCE);
  await page.setExtraHTTPHeaders({ authorization: basic('sato') });
  await page.goto(`${base}/casefile/?id=${encodeURIComponent(businessId)}`);
  const first = page.locator('#contact-timeline li.contact').first();
  await first.waitFor();
  await first.getByText('記録を訂正する（管理者・記録した本人）').click();
  await first.getByLabel('相談の方法').selectOption('visit');
  await first.getByLabel('訂正の理由').fill('訪問だった');
  await first.getByRole('button', { name: '訂正を記録する' }).click();
  await first.locator('p.refused', { hasText: 'ほかの職員の記録は訂正できません' }).waitFor();
  await screenshot(page, 'casefile-correction-refused');
}

async function staffSearchLessons(page, base) {
  page.setDefaultTimeout(PATIENCE);
  await page.setExtraHTTPHeaders({ authorization: basic('ito') });
  await page.goto(`${base}/lessons/`);
  await page.locator('#industry option', { hasText: '小売業' }).waitFor({ state: 'attached' });
  await page.getByLabel('業種').selectOption('小売業');
  await page.getByLabel('分野').selectOption('finance');
  await page.getByLabel('キーワード（スペース区切りですべてを含む）').fill('資金繰り表');
  await page.getByRole('button', { name: '探す' }).click();
  const result = page.locator('#lessons li.lesson', { hasText: businessName });
  await result.waitFor();
  const text = await result.innerText();
  assert.match(text, /成功事例\s+金融・マル経・早めの資金計画/);
  assert.match(text, /経営分析/);
  await screenshot(page, 'lessons-search');
  await result.getByRole('link', { name: new RegExp(businessName) }).click();
  await page.locator('#business-name', { hasText: businessName }).waitFor();
}

export async function run({ browser, base }) {
  await importBusinesses(base, [`${businessId},${businessName},法人,小売業,4,会員,sato`]);
  await recordsByApi(base);
  console.log('[e2e] contact, lesson, external training and staff meeting recorded');
  await inBrowser(browser, 'manager-correction', (page) => managerCorrectsTheContact(page, base));
  console.log('[e2e] manager: corrected the contact\'s channel in the case file');
  await inBrowser(browser, 'colleague-refused', (page) => colleagueIsRefused(page, base));
  console.log('[e2e] advisor: a colleague\'s record cannot be corrected (Japanese refusal)');
  await inBrowser(browser, 'lessons-search', (page) => staffSearchLessons(page, base));
  console.log('[e2e] staff: lessons searched by industry, topic and text, case file opened from the result');
}
