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

function translate(node) {
  const english = node.nodeValue.trim();
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
