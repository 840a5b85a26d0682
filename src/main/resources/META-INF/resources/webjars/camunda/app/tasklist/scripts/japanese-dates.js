// Relative dates (「1か月前」「9か月後」) come from moment.js, whose locale is global. Seen in Chromium (ja-JP):
// after the start dialog had loaded a Camunda Form, the task list read "a month ago" and "in 9 months" — not
// every time, so something that loads with the form sets moment's global locale back to English. Tasklist
// chooses the language once, at start; from then on this script keeps moment's global locale at that choice:
// a later defineLocale (which also switches the global locale) or locale('en') leaves it unchanged.
// The same rule Tasklist uses to pick ja.json (config.js: availableLocales ja, en; fallback en).
function chosenLanguage() {
  const language = (Array.isArray(navigator.languages) && navigator.languages[0]) || navigator.language || '';
  return language.toLowerCase().split('-')[0] === 'ja' ? 'ja' : 'en';
}

function pinLocale(moment) {
  const chosen = chosenLanguage();
  const setLocale = moment.locale;
  moment.locale = function (...args) {
    if (args.length === 0 || args[0] === undefined || args[0] === null) {
      return setLocale.apply(this, args);
    }
    // defining data for a locale is allowed, switching away from the chosen one is not
    setLocale.apply(this, args);
    return setLocale.call(this, chosen);
  };
  setLocale.call(moment, chosen);
  for (const name of ['defineLocale', 'updateLocale']) {
    const original = moment[name];
    moment[name] = function (...args) {
      const result = original.apply(this, args);
      setLocale.call(moment, chosen);
      return result;
    };
  }
}

function whenTasklistIsUp(attempt = 0) {
  const angular = window.angular;
  const injector = angular && angular.element(document.body).injector && angular.element(document.body).injector();
  if (injector && injector.has('moment')) {
    pinLocale(injector.get('moment'));
  } else if (attempt < 600) {
    setTimeout(() => whenTasklistIsUp(attempt + 1), 50);
  }
}

whenTasklistIsUp();

// Tasklist collects plugins from each custom script's default export; this one adds none.
export default [];
