/* On-screen keyboard (simple-keyboard) with layouts per script. Vietnamese and
   Bahnar use direct diacritic keys (composed with NFC); Chinese uses pinyin with
   candidates drawn from the release's own characters (window.KIOSK_PINYIN). */
(function () {
  "use strict";
  var host = document.querySelector(".simple-keyboard");
  if (!host || !window.SimpleKeyboard) return;
  var Keyboard = window.SimpleKeyboard.default || window.SimpleKeyboard;
  var locale = document.body.getAttribute("data-locale");
  var input = document.getElementById(host.getAttribute("data-input"));
  var LATIN = [
    "1 2 3 4 5 6 7 8 9 0 {bksp}",
    "q w e r t y u i o p",
    "a s d f g h j k l",
    "{shift} z x c v b n m , .",
    "{clear} {space}"
  ];
  var LATIN_SHIFT = [
    "! ? @ # % & ( ) - + {bksp}",
    "Q W E R T Y U I O P",
    "A S D F G H J K L",
    "{shift} Z X C V B N M ; :",
    "{clear} {space}"
  ];
  var VI_ROW = "ă â đ ê ô ơ ư \u0301 \u0300 \u0309 \u0303 \u0323";
  var BDQ_ROW = "ă â đ ê ô ơ ư ĕ ŏ ŭ \u0306";
  var LAYOUTS = {
    latin: { default: LATIN, shift: LATIN_SHIFT },
    vi: { default: [VI_ROW].concat(LATIN), shift: [VI_ROW.toUpperCase()].concat(LATIN_SHIFT) },
    bdq: { default: [BDQ_ROW].concat(LATIN), shift: [BDQ_ROW.toUpperCase()].concat(LATIN_SHIFT) },
    lo: {
      default: [
        "ຢ ຟ ໂ ຖ ຸ ູ ຄ ຕ ຈ ຂ ຊ ໍ {bksp}",
        "ົ ໄ ຳ ພ ະ ິ ີ ຮ ນ ຍ ບ ລ",
        "ັ ຫ ກ ດ ເ ້ ່ າ ສ ວ ງ",
        "{shift} ຜ ປ ແ ອ ຶ ື ທ ມ ໃ ຝ",
        "{clear} {space}"
      ],
      shift: [
        "໑ ໒ ໓ ໔ ໌ ຼ ໕ ໖ ໗ ໘ ໙ ໍ່ {bksp}",
        "ົ້ ໐ ຳ້ _ + ິ້ ີ້ ຣ ໜ ຽ - ຫຼ",
        "ັ້ ; . , : ໊ ໋ ! ? % =",
        "{shift} ₭ ( ຯ x ຶ້ ື້ ໆ ໝ $ )",
        "{clear} {space}"
      ]
    },
    km: {
      default: [
        "១ ២ ៣ ៤ ៥ ៦ ៧ ៨ ៩ ០ ឥ ឲ {bksp}",
        "ឆ ឹ េ រ ត យ ុ ិ ោ ផ ៀ ឪ",
        "ា ស ដ ថ ង ហ ្ ក ល ើ ់",
        "{shift} ឋ ខ ច វ ប ន ម ុំ ។ ៊",
        "{clear} {space}"
      ],
      shift: [
        "! ៗ \" ៛ % ៍ ័ ៏ ( ) ៌ = {bksp}",
        "ឈ ឺ ែ ឬ ទ ួ ូ ី ៅ ភ ឿ ឧ",
        "ាំ ៃ ឌ ធ អ ះ ញ គ ឡ ោះ ៉",
        "{shift} ឍ ឃ ជ េះ ព ណ ំ ុះ ៕ ?",
        "{clear} {space}"
      ]
    }
  };
  var TONES = /[\u0300\u0301\u0303\u0309\u0323]/g;
  var VOWEL = /[aeiouyăâêôơư]/i;
  var MODIFIED = /[ăâêôơư]/i;
  /* Direct diacritics: a tone key pressed after a syllable goes on the vowel
     Vietnamese spelling puts it on (the modified vowel, else the last vowel
     before a final consonant, else the next-to-last of an open cluster). */
  function placeTone(value) {
    var tone = value.slice(-1);
    var head = value.slice(0, -1);
    var m = head.match(/(\S*)$/);
    var word = m[1].normalize("NFD").replace(TONES, "").normalize("NFC");
    var chars = Array.from(word);
    var idx = [];
    chars.forEach(function (c, i) { if (VOWEL.test(c)) idx.push(i); });
    var low = word.toLowerCase();
    if (idx.length > 1 && ((low.indexOf("qu") === 0 && idx[0] === 1) ||
        (low.indexOf("gi") === 0 && idx[0] === 1))) idx.shift();
    if (!idx.length) return value.normalize("NFC");
    var mod = idx.filter(function (i) { return MODIFIED.test(chars[i]); });
    var at;
    if (mod.length) at = mod[mod.length - 1];
    else if (idx[idx.length - 1] < chars.length - 1 || idx.length === 1) at = idx[idx.length - 1];
    else at = idx[idx.length - 2];
    chars[at] = (chars[at] + tone).normalize("NFC");
    return (head.slice(0, head.length - m[1].length) + chars.join("")).normalize("NFC");
  }
  var name = { vi: "vi", bdq: "bdq", lo: "lo", km: "km" }[locale] || "latin";
  var options = {
    layout: LAYOUTS[name],
    layoutName: "default",
    mergeDisplay: true,
    display: {
      "{bksp}": "⌫", "{space}": "␣", "{shift}": "⇧", "{clear}": "✕",
      "\u0301": "◌́", "\u0300": "◌̀", "\u0309": "◌̉", "\u0303": "◌̃", "\u0323": "◌̣",
      "\u0306": "◌̆"
    },
    preventMouseDownDefault: true,
    onChange: function (value) {
      var composed = /[\u0300\u0301\u0303\u0309\u0323]$/.test(value) && name === "vi"
        ? placeTone(value) : value.normalize("NFC");
      if (composed !== value) keyboard.setInput(composed);
      input.value = composed;
      input.dispatchEvent(new Event("input", { bubbles: true }));
    },
    onKeyPress: function (button) {
      if (button === "{shift}") {
        keyboard.setOptions({
          layoutName: keyboard.options.layoutName === "default" ? "shift" : "default"
        });
      } else if (button === "{clear}") {
        keyboard.clearInput();
        input.value = "";
        input.dispatchEvent(new Event("input", { bubbles: true }));
      }
    }
  };
  if (locale === "zh-hans" || locale === "zh") {
    options.layoutCandidates = window.KIOSK_PINYIN || {};
    options.enableLayoutCandidates = true;
    options.layoutCandidatesPageSize = 8;
  }
  var NAMES = { "{bksp}": "⌫ backspace", "{space}": "space", "{shift}": "⇧ shift",
                "{clear}": "✕ clear" };
  /* Label every key for screen readers (data-skbtn holds the value). */
  options.onRender = function (kb) {
    kb.keyboardDOM.querySelectorAll(".hg-button").forEach(function (b) {
      var key = b.getAttribute("data-skbtn");
      b.setAttribute("role", "button");
      b.setAttribute("aria-label", NAMES[key] || key);
    });
  };
  var keyboard = new Keyboard(host, options);
  document.addEventListener("input", function (e) {
    if (e.isTrusted && e.target === input) keyboard.setInput(input.value);
  });
  /* The keyboard types into whichever text field was touched last. */
  document.addEventListener("focusin", function (e) {
    var el = e.target;
    if (el !== input && el.matches && el.matches("input[inputmode=none], textarea")) {
      input = el;
      keyboard.setInput(el.value);
    }
  });
  window.kioskKeyboard = keyboard;
})();
