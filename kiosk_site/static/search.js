/* Offline search over the split index: one term shard per query token. */
(function () {
  "use strict";
  var T = window.KioskTokenize;
  var box = document.querySelector(".search");
  if (!box) return;
  var base = box.getAttribute("data-index");
  var locale = document.body.getAttribute("data-locale");
  var cache = {};
  function getJSON(url) {
    if (!cache[url]) {
      cache[url] = fetch(url).then(function (r) {
        if (!r.ok) throw new Error(url + " " + r.status);
        return r.json();
      }).catch(function (err) { delete cache[url]; throw err; });
    }
    return cache[url];
  }
  function undelta(list) {
    var out = [], acc = 0;
    for (var i = 0; i < list.length; i++) { acc += list[i]; out.push(acc); }
    return out;
  }
  function search(query) {
    var toks = T.queryTokens(query);
    if (!toks.length) return Promise.resolve([]);
    return getJSON(base + "meta.json").then(function (meta) {
      return Promise.all(toks.map(function (t) {
        var blocks = Object.prototype.hasOwnProperty.call(meta.heavy, t) ? meta.heavy[t] : 0;
        if (blocks) {
          // Frequent terms share bucket files (a few terms each), per block.
          var bucket = T.fnv1a(t) % meta.heavy_buckets;
          var parts = [];
          for (var b = 0; b < blocks; b++) {
            parts.push(getJSON(base + "h/" + bucket + "-" + b + ".json")
              .then(function (f) { return f[t]; }));
          }
          return Promise.all(parts).then(function (ps) {
            var title = [], body = [];
            ps.forEach(function (p) { title = title.concat(undelta(p[0])); body = body.concat(undelta(p[1])); });
            return [title, body];
          });
        }
        return getJSON(base + "t/" + (T.fnv1a(t) % meta.shards) + ".json")
          .catch(function () { return {}; })
          .then(function (shard) {
            var p = shard[t];
            return p ? [undelta(p[0]), undelta(p[1])] : null;
          });
      })).then(function (postings) {
        if (postings.some(function (p) { return !p; })) return [];
        // Scores in typed arrays indexed by page id: ids are small integers,
        // and this runs over thousands of postings for frequent terms.
        var maxId = 0;
        postings.forEach(function (p) {
          for (var side = 0; side < 2; side++) {
            for (var i = 0; i < p[side].length; i++) if (p[side][i] > maxId) maxId = p[side][i];
          }
        });
        var score = new Float64Array(maxId + 1);
        var matched = new Uint8Array(maxId + 1); // tokens matched so far
        var last = [];
        postings.forEach(function (p, k) {
          var title = p[0], body = p[1];
          var idf = Math.log(1 + meta.docs / (title.length + body.length));
          var final = k === postings.length - 1;
          var add = function (id, w) {
            if (matched[id] !== k) return;
            score[id] += w;
            matched[id] = k + 1;
            if (final) last.push(id);
          };
          for (var i = 0; i < title.length; i++) add(title[i], 3 * idf);
          for (var j = 0; j < body.length; j++) add(body[j], idf);
        });
        var ids = last.sort(function (a, b) {
          return score[b] - score[a] || a - b;
        }).slice(0, 10);
        return Promise.all(ids.map(function (id) {
          return getJSON(base + "d/" + (id % meta.doc_shards) + ".json").then(function (d) {
            var doc = d[id];
            return { id: +id, title: doc[0], url: doc[1], snippet: doc[2], type: doc[3] };
          });
        }));
      });
    });
  }
  window.kioskSearch = search;
  // While the traveller reaches for the keyboard, fetch the manifest and the
  // small shards of rare terms, so that a first query needs one round of
  // fetches (the documents) for rare terms and two for frequent ones.
  var PREFETCH_SHARDS = 32;
  getJSON(base + "meta.json").then(function (meta) {
    if (meta.shards > PREFETCH_SHARDS) return;
    var idle = window.requestIdleCallback || function (f) { setTimeout(f, 50); };
    idle(function () {
      for (var n = 0; n < meta.shards; n++) {
        getJSON(base + "t/" + n + ".json").catch(function () { /* fetched again when needed */ });
      }
    });
  }).catch(function () { /* retried on first query */ });
  var input = document.getElementById("q");
  var list = document.getElementById("results");
  var status = box.querySelector(".search-status");
  var seq = 0, timer = null;
  function show(query) {
    var mine = ++seq;
    if (!query.trim()) { list.innerHTML = ""; status.textContent = ""; return; }
    search(query).then(function (results) {
      if (mine !== seq) return;
      list.innerHTML = "";
      results.forEach(function (r) {
        var li = document.createElement("li");
        var a = document.createElement("a");
        a.href = r.url; a.lang = locale;
        var t = document.createElement("span"); t.className = "result-title"; t.textContent = r.title;
        a.appendChild(t);
        if (r.snippet) {
          var s = document.createElement("span"); s.className = "result-snippet"; s.textContent = r.snippet;
          a.appendChild(s);
        }
        li.appendChild(a); list.appendChild(li);
      });
      status.textContent = results.length
        ? status.getAttribute("data-results") + ": " + results.length
        : status.getAttribute("data-none");
      box.setAttribute("data-done", query);
    });
  }
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () { show(input.value); }, 60);
  });
  // The form only holds the box: Enter (or a keyboard's submit) stays here.
  // A listener, not an onsubmit attribute: the pages' CSP forbids inline handlers.
  box.querySelector(".search-form").addEventListener("submit", function (e) {
    e.preventDefault();
  });
  box.addEventListener("click", function (e) {
    if (e.target.closest("[data-action=clear]")) {
      input.value = ""; input.dispatchEvent(new Event("input", { bubbles: true }));
    }
  });
})();
