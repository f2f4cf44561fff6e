/* Search tokens: keep in step with kiosk_site/search/segment.py (e2e checks they agree). */
(function (root) {
  "use strict";
  var COENG = "\u17d2";
  function fold(text) {
    return text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/đ/g, "d").normalize("NFC");
  }
  var LMN = /[\p{L}\p{M}\p{N}]/u;
  var MARK = /\p{M}/u;
  function kind(ch) {
    if (!LMN.test(ch)) return "sep";
    var cp = ch.codePointAt(0);
    if ((cp >= 0x0e80 && cp <= 0x0eff) || (cp >= 0x1780 && cp <= 0x17ff) ||
        (cp >= 0x19e0 && cp <= 0x19ff)) return "sea";
    if ((cp >= 0x3400 && cp <= 0x9fff) || (cp >= 0xf900 && cp <= 0xfaff) ||
        (cp >= 0x20000 && cp <= 0x3ffff) || (cp >= 0x3040 && cp <= 0x30ff)) return "han";
    return "word";
  }
  function clusters(run) {
    var out = [], joinNext = false;
    Array.from(run).forEach(function (ch) {
      if (out.length && (joinNext || MARK.test(ch))) out[out.length - 1] += ch;
      else out.push(ch);
      joinNext = ch === COENG;
    });
    return out;
  }
  function grams(units, unigrams) {
    if (units.length === 1) return units;
    var g = [];
    for (var i = 0; i < units.length - 1; i++) g.push(units[i] + units[i + 1]);
    return unigrams ? units.concat(g) : g;
  }
  function tokens(text) {
    text = fold(text);
    var out = [], run = "", k0 = "sep";
    Array.from(text + " ").forEach(function (ch) {
      var k = kind(ch);
      if (k !== k0 || k === "sep") {
        if (run) {
          if (k0 === "word") out.push(run);
          else if (k0 === "han") out = out.concat(grams(Array.from(run), true));
          else if (k0 === "sea") out = out.concat(grams(clusters(run), false));
        }
        run = "";
      }
      k0 = k;
      if (k !== "sep") run += ch;
    });
    return out;
  }
  /* English plurals and -ed/-ing forms to one stem, as segment.stem_en. */
  function stemEn(w) {
    if (!/^[a-z]{4,}$/.test(w)) return w;
    if (/ies$/.test(w) && !/[ae]ies$/.test(w)) w = w.slice(0, -3) + "y";
    else if (/es$/.test(w) && !/[aeo]es$/.test(w)) w = w.slice(0, -1);
    else if (/s$/.test(w) && !/[us]s$/.test(w)) w = w.slice(0, -1);
    var suffixes = ["ing", "ed"];
    for (var i = 0; i < suffixes.length; i++) {
      var base = w.slice(0, -suffixes[i].length);
      if (w.slice(-suffixes[i].length) === suffixes[i] && base.length >= 3 && /[aeiouy]/.test(base)) {
        var last = base.charAt(base.length - 1);
        var doubled = last === base.charAt(base.length - 2) && "aeiouylsz".indexOf(last) < 0;
        w = doubled ? base.slice(0, -1) : base;
        break;
      }
    }
    if (w.length >= 4 && w.charAt(w.length - 1) === "e") w = w.slice(0, -1);
    return w;
  }
  function stem(term, locale) {
    return locale && locale.split("-")[0] === "en" ? stemEn(term) : term;
  }
  function queryTokens(text, locale) {
    var seen = [];
    tokens(fold(text)).forEach(function (t) {
      t = stem(t, locale);
      if (seen.indexOf(t) < 0) seen.push(t);
    });
    var bigramChars = {};
    seen.forEach(function (t) {
      var cs = Array.from(t);
      if (cs.length === 2 && kind(cs[0]) === "han") { bigramChars[cs[0]] = 1; bigramChars[cs[1]] = 1; }
    });
    return seen.filter(function (t) { return !(Array.from(t).length === 1 && bigramChars[t]); });
  }
  function fnv1a(text) {
    var bytes = new TextEncoder().encode(text), h = 0x811c9dc5;
    for (var i = 0; i < bytes.length; i++) { h ^= bytes[i]; h = Math.imul(h, 0x01000193) >>> 0; }
    return h >>> 0;
  }
  root.KioskTokenize = {
    fold: fold, kind: kind, tokens: tokens, stem: stem, queryTokens: queryTokens, fnv1a: fnv1a
  };
})(window);
