/* Kiosk behaviour: touch guards, language chooser, idle reset, notices,
   emergency takeover and the feedback outbox. window.KIOSK_CONFIG is prepended
   by the builder. */
(function () {
  "use strict";
  var CFG = window.KIOSK_CONFIG || {};
  var body = document.body;
  var OUTBOX = "kiosk.feedback.outbox";

  /* --- touch guards: no text selection, context menu, pinch zoom ---------- */
  document.addEventListener("contextmenu", function (e) { e.preventDefault(); });
  document.addEventListener("selectstart", function (e) {
    if (!e.target.closest || !e.target.closest("input, textarea")) e.preventDefault();
  });
  document.addEventListener("gesturestart", function (e) { e.preventDefault(); });
  document.addEventListener("touchmove", function (e) {
    if (e.touches && e.touches.length > 1) e.preventDefault();
  }, { passive: false });
  document.addEventListener("wheel", function (e) { if (e.ctrlKey) e.preventDefault(); }, { passive: false });

  /* --- QR code to the page on the public portal (drawn here, not at build) - */
  document.querySelectorAll("[data-qr]").forEach(function (fig) {
    if (typeof window.qrcode !== "function") return;
    var qr = window.qrcode(0, "M");
    qr.addData(fig.getAttribute("data-qr"));
    qr.make();
    var n = qr.getModuleCount(), d = "";
    for (var y = 0; y < n; y++) {
      for (var x = 0; x < n; x++) if (qr.isDark(y, x)) d += "M" + x + " " + y + "h1v1h-1z";
    }
    var m = 2, size = n + 2 * m;
    fig.querySelector(".qr-code").innerHTML =
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ' + size + " " + size +
      '" shape-rendering="crispEdges" aria-hidden="true"><rect width="100%" height="100%" fill="#fff"/>' +
      '<path fill="#000" transform="translate(' + m + " " + m + ')" d="' + d + '"/></svg>';
  });

  /* --- kiosk identity and idle timeout ----------------------------------- */
  var params = new URLSearchParams(location.search);
  if (params.get("kiosk")) localStorage.setItem("kiosk.code", params.get("kiosk"));
  var code = localStorage.getItem("kiosk.code") || "";
  var kiosk = (CFG.kiosks || {})[code] || {};
  var idleMs = 1000 * (kiosk.idle_timeout_s || CFG.default_idle_timeout_s || 90);
  var idleTimer = null;
  function resetToAttract() {
    document.querySelectorAll("input[type=search], input[type=text], textarea").forEach(function (el) {
      el.value = "";
    });
    try { sessionStorage.clear(); } catch (e) { /* private mode */ }
    if (window.kioskKeyboard) window.kioskKeyboard.clearInput();
    if (location.pathname !== "/") location.href = "/";
    else armIdle();
  }
  function armIdle() {
    clearTimeout(idleTimer);
    idleTimer = setTimeout(resetToAttract, idleMs);
  }
  ["pointerdown", "touchstart", "keydown", "input", "scroll"].forEach(function (ev) {
    document.addEventListener(ev, armIdle, { passive: true, capture: true });
  });
  window.kioskIdle = { ms: idleMs, reset: resetToAttract };
  armIdle();

  /* --- language chooser overlay ------------------------------------------ */
  var dlg = document.getElementById("languages");
  var opener = null;
  function closeDialog() {
    if (!dlg || dlg.hidden) return;
    dlg.hidden = true;
    if (opener) opener.focus();
  }
  document.addEventListener("click", function (e) {
    var t = e.target.closest ? e.target.closest("[data-action]") : null;
    if (!t) return;
    var action = t.getAttribute("data-action");
    if (action === "languages" && dlg) {
      opener = t; dlg.hidden = false;
      var cur = dlg.querySelector(".current") || dlg.querySelector("a");
      if (cur) cur.focus();
    } else if (action === "close") {
      closeDialog();
    } else if (action === "ack") {
      var box = document.getElementById("emergency");
      sessionStorage.setItem("kiosk.ack." + box.getAttribute("data-id"), "1");
      box.hidden = true;
    }
  });
  document.addEventListener("keydown", function (e) { if (e.key === "Escape") closeDialog(); });

  /* --- notices: banner for info/warning, takeover for emergencies -------- */
  function live(n, now) {
    var from = n.valid_from ? Date.parse(n.valid_from) : -Infinity;
    var to = n.expires_at ? Date.parse(n.expires_at) : Infinity;
    return from <= now && now < to;
  }
  var now = Date.now();
  document.querySelectorAll("[data-expires-at]").forEach(function (el) {
    var to = Date.parse(el.getAttribute("data-expires-at"));
    if (to && to <= now) el.hidden = true;
  });
  var region = document.getElementById("notices");
  if (region && region.getAttribute("data-src")) {
    fetch(region.getAttribute("data-src"), { cache: "no-cache" }).then(function (r) {
      return r.ok ? r.json() : [];
    }).then(function (notices) {
      var active = notices.filter(function (n) { return live(n, Date.now()); });
      var emergency = active.filter(function (n) { return n.severity === "emergency"; })[0];
      var banner = active.filter(function (n) { return n.severity !== "emergency"; });
      if (banner.length) {
        var ul = document.createElement("ul");
        banner.forEach(function (n) {
          var li = document.createElement("li");
          var a = document.createElement("a");
          a.href = n.url; a.textContent = n.title;
          li.appendChild(a); ul.appendChild(li);
        });
        region.appendChild(ul);
        region.hidden = false;
      }
      if (emergency && !sessionStorage.getItem("kiosk.ack." + emergency.id)) {
        var box = document.getElementById("emergency");
        box.setAttribute("data-id", emergency.id);
        box.setAttribute("lang", body.getAttribute("data-locale"));
        box.querySelector("h2").textContent = emergency.title;
        box.querySelector(".takeover-text").textContent = emergency.summary;
        var more = box.querySelector(".takeover-more");
        more.href = emergency.url; more.textContent = emergency.title;
        box.hidden = false;
        box.querySelector("[data-action=ack]").focus();
      }
    }).catch(function () { /* no notices file: nothing to show */ });
  }

  /* --- feedback: keep each message until the local agent answers 2xx ---- */
  function outbox() {
    try { return JSON.parse(localStorage.getItem(OUTBOX) || "[]"); } catch (e) { return []; }
  }
  function saveOutbox(items) { localStorage.setItem(OUTBOX, JSON.stringify(items)); }
  var flushing = false;
  function flush() {
    if (flushing) return Promise.resolve(outbox().length);
    flushing = true;
    var items = outbox();
    return items.reduce(function (chain, item) {
      return chain.then(function () {
        return fetch(CFG.feedback || "/feedback", {
          method: "POST", headers: { "Content-Type": "application/json" },
          body: JSON.stringify(item)
        }).then(function (r) {
          if (r.ok) saveOutbox(outbox().filter(function (x) { return x.id !== item.id; }));
        }).catch(function () { /* agent not reachable: keep it */ });
      });
    }, Promise.resolve()).then(function () {
      flushing = false;
      return outbox().length;
    });
  }
  window.kioskFeedback = { flush: flush, outbox: outbox };
  flush();
  setInterval(flush, 30000);
  var form = document.getElementById("feedback-form");
  if (form) {
    var status = form.querySelector(".feedback-status");
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      var message = form.message.value.trim();
      var contact = form.contact.value.trim();
      if (!message) { status.textContent = form.getAttribute("data-msg-empty"); return; }
      if (contact && !form.consent.checked) {
        status.textContent = form.getAttribute("data-msg-consent"); return;
      }
      var item = {
        id: Date.now().toString(36) + Math.random().toString(36).slice(2, 8),
        message: message, language: form.language.value,
        contact: contact, consent: !!(contact && form.consent.checked),
        page: location.pathname, kiosk: code, created_at: new Date().toISOString()
      };
      var items = outbox(); items.push(item); saveOutbox(items);
      form.message.value = ""; form.contact.value = ""; form.consent.checked = false;
      if (window.kioskKeyboard) window.kioskKeyboard.clearInput();
      flush().then(function () {
        var pending = outbox().some(function (x) { return x.id === item.id; });
        status.textContent = form.getAttribute(pending ? "data-msg-queued" : "data-msg-sent");
        form.setAttribute("data-state", pending ? "queued" : "sent");
      });
    });
  }
})();
