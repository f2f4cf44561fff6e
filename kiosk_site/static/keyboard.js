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
      var composed = value.normalize("NFC");
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
  var keyboard = new Keyboard(host, options);
  /* Label every key for screen readers and tests (data-skbtn holds the value). */
  host.querySelectorAll(".hg-button").forEach(function (b) {
    b.setAttribute("role", "button");
    b.setAttribute("aria-label", b.getAttribute("data-skbtn"));
  });
  input.addEventListener("input", function (e) {
    if (e.isTrusted) keyboard.setInput(input.value);
  });
  window.kioskKeyboard = keyboard;
})();
