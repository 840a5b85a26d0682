// Camunda Forms (form-js) write their validation messages in English only. For a Japanese browser, the
// same rule Tasklist uses to pick ja.json, they are rewritten in Japanese as they appear.
const MESSAGES = [
  [/^Field is required\.$/, () => '入力してください（必須項目です）。'],
  [/^Field must have minimum value of (.+)\.$/, (min) => `${min} 以上の値を入力してください。`],
  [/^Field must have maximum value of (.+)\.$/, (max) => `${max} 以下の値を入力してください。`],
  [/^Field must have minimum length of (.+)\.$/, (length) => `${length} 文字以上で入力してください。`],
  [/^Field must have maximum length of (.+)\.$/, (length) => `${length} 文字以内で入力してください。`],
  [/^Field must match pattern (.+)\.$/, (pattern) => `入力の形式が正しくありません（形式: ${pattern}）。`],
  [/^Field must be a valid email\.$/, () => 'メールアドレスの形式が正しくありません。'],
  [/^Field must be a valid +international phone number\./, () => '電話番号を国際形式で入力してください（例: +81164420000）。'],
  [/^Date and time must both be entered\.$/, () => '日付と時刻の両方を入力してください。']
];

function browserIsJapanese() {
  const language = (Array.isArray(navigator.languages) && navigator.languages[0]) || navigator.language || '';
  return language.toLowerCase().split('-')[0] === 'ja';
}

// A figure field's pattern is the server's number grammar (jp.bansou.input.NumberReader): it always admits
// full-width digits (\uFF10). Its refusal says what the server would say, naming the field with an example.
const FIGURE_PATTERN = /^Field must match pattern (.*\\uFF10.*)\.$/;
const MINUS = /^[\s\u00A0\u3000]*[-\u2212\uFF0D\u30FC\u25B3\u25B2]/;

function figureMessage(node, pattern) {
  const field = node.parentElement && node.parentElement.closest('.fjs-form-field');
  const labelElement = field && field.querySelector('label');
  const label = labelElement ? labelElement.childNodes[0].textContent.replace(/[*\s]+$/, '').trim() : 'この欄';
  const input = field && field.querySelector('input');
  const typed = input ? input.value : '';
  const decimals = pattern.includes('\\uFF0E');
  const negatives = pattern.includes('\\u25B3');
  const example = decimals ? '0.25' : '62,000';
  if (!negatives && MINUS.test(typed)) {
    return `「${label}」にマイナスは入力できません。0 以上の数字で入力してください（例: ${example}）。`;
  }
  if (!decimals && /[.\uFF0E]/.test(typed)) {
    return `「${label}」は小数点のない数字で入力してください（例: ${example}）。`;
  }
  const fullWidth = example.replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d)))
    .replace(/,/g, '，').replace(/\./g, '．');
  return `「${label}」は数字で入力してください。全角・半角の数字とカンマが使えます（例: ${example} または ${fullWidth}）`
    + (negatives ? '。マイナスは - または △ を前に付けます。' : '。');
}

function translate(node) {
  const english = node.nodeValue.trim();
  const figure = english.match(FIGURE_PATTERN);
  if (figure) {
    node.nodeValue = figureMessage(node, figure[1]);
    return;
  }
  for (const [pattern, japanese] of MESSAGES) {
    const match = english.match(pattern);
    if (match) {
      node.nodeValue = japanese(...match.slice(1));
      return;
    }
  }
}

function translateErrorsIn(root) {
  if (root.nodeType === Node.TEXT_NODE) {
    if (root.parentElement && root.parentElement.closest('.fjs-form-field-error')) {
      translate(root);
    }
    return;
  }
  if (root.nodeType !== Node.ELEMENT_NODE) {
    return;
  }
  for (const error of root.matches('.fjs-form-field-error') ? [root] : root.querySelectorAll('.fjs-form-field-error')) {
    const texts = document.createTreeWalker(error, NodeFilter.SHOW_TEXT);
    while (texts.nextNode()) {
      translate(texts.currentNode);
    }
  }
}

if (browserIsJapanese()) {
  new MutationObserver((mutations) => {
    for (const mutation of mutations) {
      if (mutation.type === 'characterData') {
        translateErrorsIn(mutation.target);
      } else {
        mutation.addedNodes.forEach(translateErrorsIn);
      }
    }
  }).observe(document.documentElement, { childList: true, subtree: true, characterData: true });
}

// Tasklist collects plugins from each custom script's default export; this one adds none.
export default [];
