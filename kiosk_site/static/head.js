/* Runs in <head>, before anything is drawn (a render-blocking script, so it
   stays small). Whatever it changes is in place at the first paint, so nothing
   moves under a finger afterwards:
   - the page shows once the fonts of its scripts are ready;
   - the text size chosen on an earlier page (kept until the idle reset);
   - the notices banner, from the release's data/notices-<locale>.js
     (window.KIOSK_NOTICES, loaded just before this file);
   - notices and tiles whose time has passed since the build are hidden.
   The parser adds the page's elements after this runs; a MutationObserver
   sees each as it is added, and its callbacks run before the next paint. */
(function () {
  "use strict";
  var root = document.documentElement;
  var SIZE_KEY = "kiosk.textSize";
  var SIZES = ["100", "150", "200"];

  function storedSize() {
    try { return sessionStorage.getItem(SIZE_KEY); } catch (e) { return null; }
  }
  function applySize(size) {
    if (SIZES.indexOf(size) < 1) root.removeAttribute("data-text-size");
    else root.setAttribute("data-text-size", size);
  }
  applySize(storedSize());

  /* app.js's text-size button calls this. */
  window.kioskTextSize = {
    sizes: SIZES,
    current: function () { return root.getAttribute("data-text-size") || "100"; },
    set: function (size) {
      if (SIZES.indexOf(size) < 0) return;
      try { sessionStorage.setItem(SIZE_KEY, size); } catch (e) { /* private mode */ }
      applySize(size);
    }
  };

  /* Fonts: the page is drawn once the fonts of the scripts it shows are
     ready (or after FONT_WAIT_MS, whichever comes first), so no text is drawn
     in a fallback font and then reflowed. Loading starts here, before the
     body is parsed. Other scripts' fonts load only if their text is drawn
     (fonts.css, unicode-range). The families are those of kiosk_site/fonts. */
  var FONT_WAIT_MS = 3000;
  var FONTS = {
    latin: ["Kiosk Sans", "a"],
    lao: ["Kiosk Lao", "\u0e81"],
    khmer: ["Kiosk Khmer", "\u1780"],
    cjk: ["Kiosk CJK", "\u4e2d"]
  };
  function show() { root.classList.remove("fonts-pending"); }
  if (document.fonts && document.fonts.load) {
    var loads = (root.getAttribute("data-fonts") || "").split(" ").filter(function (s) {
      return FONTS[s];
    }).map(function (s) {
      return document.fonts.load("1em '" + FONTS[s][0] + "'", FONTS[s][1]).catch(function () {});
    });
    root.classList.add("fonts-pending");
    Promise.all(loads).then(show);
    setTimeout(show, FONT_WAIT_MS);
  }

  function live(n, now) {
    var from = n.valid_from ? Date.parse(n.valid_from) : -Infinity;
    var to = n.expires_at ? Date.parse(n.expires_at) : Infinity;
    return from <= now && now < to;
  }
  window.kioskNoticeLive = live;

  function fillNotices(region) {
    var now = Date.now();
    var banner = (window.KIOSK_NOTICES || []).filter(function (n) {
      return n.severity !== "emergency" && live(n, now);
    });
    if (!banner.length) return;
    var ul = document.createElement("ul");
    banner.forEach(function (n) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = n.url;
      a.textContent = n.title;
      li.appendChild(a);
      ul.appendChild(li);
    });
    region.appendChild(ul);
    region.hidden = false;
  }

  function hideIfOver(el) {
    var to = Date.parse(el.getAttribute("data-expires-at"));
    if (to && to <= Date.now()) el.hidden = true;
  }

  function seen(node) {
    if (node.nodeType !== 1) return;
    if (node.id === "notices") fillNotices(node);
    if (node.hasAttribute("data-expires-at")) hideIfOver(node);
  }

  var observer = new MutationObserver(function (records) {
    for (var i = 0; i < records.length; i++) {
      var added = records[i].addedNodes;
      for (var j = 0; j < added.length; j++) seen(added[j]);
    }
  });
  observer.observe(root, { childList: true, subtree: true });
  document.addEventListener("DOMContentLoaded", function () {
    observer.takeRecords().forEach(function (r) {
      for (var j = 0; j < r.addedNodes.length; j++) seen(r.addedNodes[j]);
    });
    observer.disconnect();
  });
})();
