/* Kiosk behaviour: touch guards, language chooser, idle reset, notices,
   emergency takeover and the feedback outbox. window.KIOSK_CONFIG is prepended
   by the builder. */
(function () {
  "use strict";
  var CFG = window.KIOSK_CONFIG || {};
  var body = document.body;
  var OUTBOX = "kiosk.feedback.outbox";

  /* --- touch guards: no text selection or context menu. Pinch zoom stays
     allowed (WCAG 1.4.4); the idle reset loads the attract screen afresh. - */
  document.addEventListener("contextmenu", function (e) { e.preventDefault(); });
  document.addEventListener("selectstart", function (e) {
    if (!e.target.closest || !e.target.closest("input, textarea")) e.preventDefault();
  });

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
    if (window.kioskTextSize) window.kioskTextSize.set("100");
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
    } else if (action === "text-size" && window.kioskTextSize) {
      var sizes = window.kioskTextSize.sizes;
      var next = sizes[(sizes.indexOf(window.kioskTextSize.current()) + 1) % sizes.length];
      window.kioskTextSize.set(next);
    }
  });
  document.addEventListener("keydown", function (e) { if (e.key === "Escape") closeDialog(); });

  /* --- emergencies: a full-screen takeover over the page, which moves
     nothing under it. From the release's notices (window.KIOSK_NOTICES,
     severity "emergency"; the banner of the others is drawn by head.js) and
     from the cluster agent's /emergency.json, polled every few seconds. --- */
  var takeover = document.getElementById("emergency");
  var shown = null;
  function ackKey(id) { return "kiosk.ack." + id; }
  function acked(id) {
    try { return !!sessionStorage.getItem(ackKey(id)); } catch (e) { return false; }
  }
  function pickMessage(messages) {
    var lang = body.getAttribute("data-locale");
    return messages.filter(function (m) { return m.lang === lang; })[0] ||
      messages.filter(function (m) { return m.lang === lang.split("-")[0]; })[0] ||
      messages[0];
  }
  function showTakeover(item) {
    if (!takeover) return;
    if (!item || acked(item.id)) {
      takeover.hidden = true;
      shown = null;
      return;
    }
    if (shown === item.id) return;
    shown = item.id;
    takeover.setAttribute("data-id", item.id);
    takeover.setAttribute("lang", item.lang);
    takeover.querySelector("h2").textContent = item.title;
    takeover.querySelector(".takeover-text").textContent = item.text;
    var more = takeover.querySelector(".takeover-more");
    more.hidden = !item.url;
    if (item.url) { more.href = item.url; more.textContent = item.title; }
    takeover.hidden = false;
    takeover.querySelector("[data-action=ack]").focus();
  }
  function noticeEmergency() {
    var now = Date.now();
    var n = (window.KIOSK_NOTICES || []).filter(function (x) {
      return x.severity === "emergency" && window.kioskNoticeLive(x, now);
    })[0];
    return n && { id: "notice-" + n.id, lang: body.getAttribute("data-locale"),
                  title: n.title, text: n.summary, url: n.url };
  }
  function agentEmergency(state) {
    var e = state && state.emergency;
    if (!e || !e.messages || !e.messages.length) return null;
    if (e.until && Date.parse(e.until) <= Date.now()) return null;
    var m = pickMessage(e.messages);
    return { id: "agent-" + e.id, lang: m.lang, title: m.title, text: m.text, url: "" };
  }
  var agentState = null;
  function refreshTakeover() { showTakeover(agentEmergency(agentState) || noticeEmergency()); }
  function pollAgent() {
    fetch(CFG.emergency || "/emergency.json", { cache: "no-store" }).then(function (r) {
      return r.ok ? r.json() : agentState;
    }).then(function (state) { agentState = state; }, function () { /* keep the last */ })
      .then(refreshTakeover);
  }
  refreshTakeover();
  pollAgent();
  setInterval(pollAgent, 3000);

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
