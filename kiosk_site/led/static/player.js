/* The LED player of one face (kiosk_site/led; kiosk_site/README.md, "LED player").

   What shows, decided every TICK_MS from the local clock and the last known
   states:
   1. the face is in /emergency.json's faces_off: black;
   2. an emergency (until not passed): its programme for this face, looped
      (while its file plays), or else its messages, alternating languages
      every MESSAGE_TICKS;
   3. inside an airtime window of today (playlist.json, in its time zone):
      the day's loop, gapless (two <video> elements: the next item is
      preloaded in the hidden one and started on `ended`);
   4. otherwise black.
   Every completed play is POSTed to /play-log (queued in localStorage and
   retried until the agent takes it). A file that fails (error event, or no
   progress for STALL_TICKS) is skipped, logged to the console and POSTed to
   /player-error. */
(function () {
  "use strict";

  var TICK_MS = 500;
  var EMERGENCY_POLL_MS = 3000;
  var PLAYLIST_POLL_MS = 60000;
  var RETRY_MS = 5000;
  var STALL_TICKS = 5; // 2.5 s without the playing video moving on
  var MESSAGE_TICKS = 12; // 6 s per language
  var MESSAGE_PLAY_MAX_MS = 3600000; // a long message is logged an hour at a time
  var FAILED_SKIP_MS = 600000; // a failed file is not tried again for 10 min
  var QUEUE_MAX = 20000;

  var body = document.body;
  var FACE = body.getAttribute("data-face");
  var PLAYLIST_URL = body.getAttribute("data-playlist");
  var QUEUE_KEY = "led-play-log:" + FACE;
  var SCRIPT = document.currentScript ? new URL(document.currentScript.src).pathname : "";

  var playlist = null;
  var playlistText = "";
  var emergencyState = { emergency: null, faces_off: [] };
  var failedAt = {}; // src -> Date.now() of its last failure
  var reloadWanted = false;
  var mode = { key: "" };

  // ---- time in the playlist's zone -------------------------------------

  var zoneFormat = null;
  var zoneName = "";

  function formatter() {
    var tz = (playlist && playlist.timezone) || undefined;
    if (!zoneFormat || zoneName !== tz) {
      zoneName = tz;
      zoneFormat = new Intl.DateTimeFormat("en-GB", {
        timeZone: tz,
        year: "numeric", month: "2-digit", day: "2-digit",
        hour: "2-digit", minute: "2-digit", second: "2-digit",
        hourCycle: "h23",
      });
    }
    return zoneFormat;
  }

  /* The wall clock at `ms` in the playlist's zone: date "YYYY-MM-DD",
     seconds since midnight and the UTC offset in minutes. */
  function zoned(ms) {
    var p = {};
    formatter().formatToParts(new Date(ms)).forEach(function (part) {
      p[part.type] = part.value;
    });
    var whole = Math.floor(ms / 1000) * 1000;
    var asUtc = Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute, +p.second);
    return {
      date: p.year + "-" + p.month + "-" + p.day,
      seconds: +p.hour * 3600 + +p.minute * 60 + +p.second + (ms - whole) / 1000,
      offset: Math.round((asUtc - whole) / 60000),
    };
  }

  function pad(n, width) {
    var s = String(n);
    while (s.length < (width || 2)) s = "0" + s;
    return s;
  }

  /* ISO 8601 with the zone's offset, e.g. 2026-12-07T07:00:00.250+07:00. */
  function isoAt(ms) {
    var z = zoned(ms);
    var secs = Math.floor(z.seconds);
    var off = Math.abs(z.offset);
    return z.date + "T" + pad(Math.floor(secs / 3600)) + ":" + pad(Math.floor(secs / 60) % 60) +
      ":" + pad(secs % 60) + "." + pad(Math.floor(ms - Math.floor(ms / 1000) * 1000), 3) +
      (z.offset < 0 ? "-" : "+") + pad(Math.floor(off / 60)) + ":" + pad(off % 60);
  }

  function hmSeconds(hm) {
    var parts = hm.split(":");
    return +parts[0] * 3600 + +parts[1] * 60;
  }

  // ---- what should show ------------------------------------------------

  function windowAt(now) {
    if (!playlist) return null;
    var z = zoned(now);
    var day = null;
    playlist.days.forEach(function (d) { if (d.date === z.date) day = d; });
    if (!day) return null;
    for (var i = 0; i < day.windows.length; i++) {
      var start = hmSeconds(day.windows[i].start);
      var end = hmSeconds(day.windows[i].end);
      if (start <= z.seconds && z.seconds < end) {
        return { day: day, key: day.date + "/" + i, elapsed: z.seconds - start };
      }
    }
    return null;
  }

  /* The loop item playing `elapsed` seconds into a window that cycled the
     loop from its start, so a restart resumes where the schedule is. */
  function loopIndex(loop, elapsed) {
    var total = 0;
    loop.forEach(function (item) { total += Math.max(item.duration_s, 1); });
    var t = elapsed % total;
    for (var i = 0; i < loop.length; i++) {
      t -= Math.max(loop[i].duration_s, 1);
      if (t < 0) return i;
    }
    return 0;
  }

  function activeEmergency(now) {
    var em = emergencyState.emergency;
    if (!em) return null;
    if (em.until && Date.parse(em.until) <= now) return null;
    return em;
  }

  function desired(now) {
    if ((emergencyState.faces_off || []).indexOf(FACE) >= 0) return { key: "off" };
    var em = activeEmergency(now);
    if (em) {
      var prog = em.programme && em.programme.faces && em.programme.faces[FACE];
      var hasMessages = !!(em.messages && em.messages.length);
      // A programme file that fails gives way to the messages, if any.
      if (prog && !(hasMessages && recentlyFailed(prog))) {
        return {
          key: "emergency:" + em.id + ":" + prog.sha256,
          kind: "emergency",
          items: [{
            programme_id: em.programme.programme_id, src: prog.src, sha256: prog.sha256,
            duration_s: prog.duration_s, advertising: false,
          }],
          index: 0,
        };
      }
      if (hasMessages) {
        return { key: "message:" + em.id + ":" + JSON.stringify(em.messages), messages: em.messages };
      }
    }
    var w = windowAt(now);
    if (w && w.day.loop.length) {
      return {
        key: "schedule:" + w.key, kind: "scheduled", items: w.day.loop,
        index: loopIndex(w.day.loop, w.elapsed),
      };
    }
    return { key: "black" };
  }

  // ---- the play log ----------------------------------------------------

  var queue = [];
  try { queue = JSON.parse(localStorage.getItem(QUEUE_KEY) || "[]"); } catch (e) { queue = []; }
  var sending = false;

  function saveQueue() {
    try { localStorage.setItem(QUEUE_KEY, JSON.stringify(queue)); } catch (e) { /* full: memory only */ }
  }

  function playBegin(item, kind, now) {
    return {
      // The agent's idempotency key: a record sent again (its answer lost)
      // is spooled once and recorded once by the CMS.
      id: FACE + ":" + now + ":" + Math.random().toString(36).slice(2, 12),
      face: FACE,
      programme_id: item ? item.programme_id : null,
      rendition_sha256: item ? item.sha256 : null,
      started_at: isoAt(now),
      kind: kind,
      advertising: !!(item && item.advertising),
      startMs: now,
    };
  }

  function playEnd(record, now) {
    var payload = {};
    Object.keys(record).forEach(function (k) { if (k !== "startMs") payload[k] = record[k]; });
    payload.ended_at = isoAt(Math.max(now, record.startMs));
    queue.push(payload);
    if (queue.length > QUEUE_MAX) queue.splice(0, queue.length - QUEUE_MAX);
    saveQueue();
    flush();
  }

  function flush() {
    if (sending || !queue.length) return;
    sending = true;
    fetch("/play-log", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(queue[0]),
    }).then(function (resp) {
      sending = false;
      if (resp.ok || (resp.status >= 400 && resp.status < 500 && resp.status !== 408 && resp.status !== 429)) {
        if (!resp.ok) console.error("LED player: /play-log refused a record (" + resp.status + "); dropped", queue[0]);
        queue.shift();
        saveQueue();
        flush();
      } else {
        setTimeout(flush, RETRY_MS);
      }
    }, function () {
      sending = false;
      setTimeout(flush, RETRY_MS);
    });
  }

  // ---- failures --------------------------------------------------------

  function reportFailure(item, reason) {
    failedAt[item.src] = Date.now();
    console.error("LED player: skipped " + item.src + " (sha256 " + item.sha256 + "): " + reason);
    fetch("/player-error", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({
        face: FACE, programme_id: item.programme_id, src: item.src,
        rendition_sha256: item.sha256, reason: reason, at: isoAt(Date.now()),
      }),
    }).catch(function () { /* the console line stays */ });
  }

  function recentlyFailed(item) {
    var at = failedAt[item.src];
    return at !== undefined && Date.now() - at < FAILED_SKIP_MS;
  }

  // ---- the two video elements ------------------------------------------

  var videos = Array.prototype.slice.call(document.querySelectorAll(".led-video"));
  var deck = {
    running: false, kind: "", items: [], index: 0, active: 0,
    slots: videos.map(function (el) { return { el: el, item: null }; }),
    record: null, lastTime: -1, stillTicks: 0, retryAt: 0,
  };

  function hasSound() { return !!(playlist && playlist.face && playlist.face.has_sound); }

  function load(slot, item) {
    slot.item = item;
    slot.el.muted = !hasSound();
    slot.el.src = item.src;
  }

  function unload(slot) {
    slot.item = null;
    slot.el.classList.remove("is-on");
    slot.el.pause();
    slot.el.removeAttribute("src");
    slot.el.load();
  }

  function play(slot) {
    deck.lastTime = -1;
    deck.stillTicks = 0;
    var p = slot.el.play();
    if (p && p.catch) {
      p.catch(function (err) {
        if (err && err.name === "NotAllowedError" && !slot.el.muted) {
          // Chromium started without --autoplay-policy=no-user-gesture-required.
          console.warn("LED player: sound blocked by the autoplay policy; playing muted");
          slot.el.muted = true;
          slot.el.play().catch(function () {});
        }
      });
    }
  }

  function deckStart(items, index, kind) {
    deck.running = true;
    deck.kind = kind;
    deck.items = items;
    deck.index = index % items.length;
    deck.retryAt = 0;
    startCurrent(false);
  }

  function deckStop(now) {
    deck.running = false;
    if (deck.record) playEnd(deck.record, now);
    deck.record = null;
    deck.slots.forEach(unload);
  }

  /* Start items[index], skipping files that failed lately; with `swap`, in
     the standby element (where preloadNext put it). */
  function startCurrent(swap) {
    for (var tries = 0; tries < deck.items.length; tries++) {
      if (!recentlyFailed(deck.items[deck.index])) break;
      deck.index = (deck.index + 1) % deck.items.length;
    }
    if (recentlyFailed(deck.items[deck.index])) {
      // Every file of the loop failed lately: black, and look again later.
      deck.slots.forEach(function (s) { s.el.classList.remove("is-on"); });
      deck.retryAt = Date.now() + RETRY_MS;
      return;
    }
    if (swap) deck.active = 1 - deck.active;
    var slot = deck.slots[deck.active];
    var item = deck.items[deck.index];
    if (!sameFile(slot, item)) load(slot, item);
    else {
      slot.item = item; // the same file, perhaps from a newer playlist
      if (slot.el.ended || slot.el.currentTime > 0) slot.el.currentTime = 0;
    }
    play(slot);
  }

  function sameFile(slot, item) {
    return !!slot.item && slot.item.src === item.src && !slot.el.error;
  }

  function preloadNext() {
    var next = deck.items[(deck.index + 1) % deck.items.length];
    var standby = deck.slots[1 - deck.active];
    if (recentlyFailed(next)) return;
    if (!sameFile(standby, next)) load(standby, next);
    else if (standby.el.currentTime > 0) standby.el.currentTime = 0; // looped again
  }

  function advance(now) {
    if (deck.record) playEnd(deck.record, now);
    deck.record = null;
    if (reloadWanted) { location.reload(); return; }
    deck.index = (deck.index + 1) % deck.items.length;
    startCurrent(true);
  }

  function onPlaying(slot) {
    if (!deck.running || slot !== deck.slots[deck.active]) return;
    if (!deck.record) deck.record = playBegin(slot.item, deck.kind, Date.now());
    slot.el.classList.add("is-on");
    deck.slots[1 - deck.active].el.classList.remove("is-on");
    preloadNext();
  }

  function onEnded(slot) {
    if (!deck.running || slot !== deck.slots[deck.active]) return;
    advance(Date.now());
  }

  function onFailure(slot, reason) {
    var item = slot.item;
    if (!item || !deck.running) return;
    reportFailure(item, reason);
    if (slot !== deck.slots[deck.active]) return; // the standby: skipped when due
    // Never a frozen frame: black until the next file plays.
    deck.slots.forEach(function (s) { s.el.classList.remove("is-on"); });
    slot.item = null;
    advance(Date.now());
  }

  deck.slots.forEach(function (slot) {
    slot.el.addEventListener("playing", function () { onPlaying(slot); });
    slot.el.addEventListener("ended", function () { onEnded(slot); });
    slot.el.addEventListener("error", function () {
      var code = slot.el.error ? slot.el.error.code : 0;
      onFailure(slot, "media error " + code + (slot.el.error && slot.el.error.message ? " " + slot.el.error.message : ""));
    });
  });

  /* Once a tick: skip a file that stopped moving (stalled or undecodable). */
  function watchDeck() {
    if (!deck.running) return;
    if (deck.retryAt) {
      if (Date.now() >= deck.retryAt) { deck.retryAt = 0; startCurrent(false); }
      return;
    }
    var el = deck.slots[deck.active].el;
    if (el.paused && el.ended) return;
    if (el.currentTime !== deck.lastTime) {
      deck.lastTime = el.currentTime;
      deck.stillTicks = 0;
    } else if (++deck.stillTicks >= STALL_TICKS) {
      onFailure(deck.slots[deck.active], "no progress for " + (STALL_TICKS * TICK_MS / 1000) + " s");
    }
  }

  // ---- the emergency message -------------------------------------------

  var messageBox = document.querySelector(".led-message");
  var message = { list: null, shown: 0, ticks: 0, record: null };

  function messageShow() {
    var m = message.list[message.shown];
    messageBox.setAttribute("lang", m.lang);
    messageBox.querySelector(".led-title").textContent = m.title || "";
    messageBox.querySelector(".led-text").textContent = m.text || "";
  }

  function messageStart(list, now) {
    message.list = list;
    message.shown = 0;
    message.ticks = 0;
    message.record = playBegin(null, "emergency", now);
    messageShow();
    messageBox.hidden = false;
  }

  function messageStop(now) {
    if (!message.list) return;
    playEnd(message.record, now);
    message.list = null;
    message.record = null;
    messageBox.hidden = true;
  }

  function messageTick(now) {
    if (!message.list) return;
    if (++message.ticks >= MESSAGE_TICKS) {
      message.ticks = 0;
      message.shown = (message.shown + 1) % message.list.length;
      messageShow();
    }
    if (now - message.record.startMs >= MESSAGE_PLAY_MAX_MS) {
      playEnd(message.record, now);
      message.record = playBegin(null, "emergency", now);
    }
  }

  // ---- the loop --------------------------------------------------------

  /* Switch to what should show now, if that changed. */
  function apply(now) {
    var want = desired(now);
    if (want.key !== mode.key) {
      deckStop(now);
      messageStop(now);
      mode = want;
      if (want.items) deckStart(want.items, want.index, want.kind);
      else if (want.messages) messageStart(want.messages, now);
    } else if (want.kind === "scheduled" && want.items !== deck.items) {
      // A new playlist for the same window: its loop from the next item on.
      deck.items = want.items;
      deck.index = deck.index % want.items.length;
    }
    // A release with another player: reload while nothing shows.
    if (reloadWanted && !mode.items && !mode.messages) location.reload();
  }

  function tick() {
    var now = Date.now();
    apply(now);
    watchDeck();
    messageTick(now);
  }

  function pollPlaylist() {
    fetch(PLAYLIST_URL, { cache: "no-store" }).then(function (resp) {
      if (!resp.ok) throw new Error("HTTP " + resp.status);
      return resp.text();
    }).then(function (text) {
      if (text === playlistText) return;
      var data = JSON.parse(text);
      if (!data || !Array.isArray(data.days)) throw new Error("no days");
      playlist = data;
      playlistText = text;
      failedAt = {};
      if (SCRIPT && data.player && data.player !== SCRIPT) reloadWanted = true;
      apply(Date.now());
    }).catch(function (err) {
      console.error("LED player: could not read " + PLAYLIST_URL + " (" + err + "); keeping the last playlist");
    });
  }

  function pollEmergency() {
    fetch("/emergency.json", { cache: "no-store" }).then(function (resp) {
      if (!resp.ok) throw new Error("HTTP " + resp.status);
      return resp.json();
    }).then(function (data) {
      if (data && typeof data === "object") {
        emergencyState = { emergency: data.emergency || null, faces_off: data.faces_off || [] };
        apply(Date.now());
      }
    }).catch(function () { /* a failed poll keeps the last known state */ });
  }

  pollPlaylist();
  pollEmergency();
  flush();
  setInterval(tick, TICK_MS);
  setInterval(pollEmergency, EMERGENCY_POLL_MS);
  setInterval(pollPlaylist, PLAYLIST_POLL_MS);
})();
