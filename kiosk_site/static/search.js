/* Offline search over the split index, as the traveller types: the same
   steps as kiosk_site/search/query.py, whose docstring says what matches
   (the word being typed as a prefix, typos, English stems) and how pages rank. */
(function () {
  "use strict";
  var T = window.KioskTokenize;
  var box = document.querySelector(".search");
  if (!box) return;
  var base = box.getAttribute("data-index");
  var locale = document.body.getAttribute("data-locale");
  var RESULTS = 10, MAX_VARIANTS = 32, TITLE = 3, MIN_TYPO = 4;
  var EXACT = 0, COMPLETED = 1, TYPO = 2; // how a variant matches, best first
  // [completions of the word being typed, typos allowed] of each step
  var STEPS = [[0, false], [4, false], [MAX_VARIANTS, false], [MAX_VARIANTS, true]];
  var MIN_PREFIX = { word: 2, sea: 1 };
  var LETTERS = /^\p{L}+$/u;
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
  function chars(text) { return Array.from(text); }
  /* terms.json (first character -> terms), and every term with its
     characters in one list for the typo scan. A locale of Chinese only has none. */
  var termList = null;
  function terms() {
    if (!termList) {
      termList = getJSON(base + "terms.json").catch(function () { return {}; })
        .then(function (groups) {
          var all = [];
          Object.keys(groups).forEach(function (k) {
            groups[k].forEach(function (t) { all.push([t, chars(t)]); });
          });
          return { groups: groups, all: all };
        });
      termList.catch(function () { termList = null; });
    }
    return termList;
  }
  /* (title ids, body ids) of a term, or null when the locale lacks it; kept,
     as the words being typed look up the same terms key after key. */
  var known = {};
  function postings(meta, t) {
    if (!Object.prototype.hasOwnProperty.call(known, t)) {
      known[t] = readPostings(meta, t);
      known[t].catch(function () { delete known[t]; });
    }
    return known[t];
  }
  function readPostings(meta, t) {
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
  }
  function typingToken(query) {
    var folded = chars(T.fold(query));
    if (!folded.length || T.kind(folded[folded.length - 1]) === "sep") return null;
    var toks = T.tokens(folded.join(""));
    return toks.length ? T.stem(toks[toks.length - 1], locale) : null;
  }
  function completions(list, tok, limit) {
    var found = (list.groups[chars(tok)[0]] || []).filter(function (t) {
      return t !== tok && t.indexOf(tok) === 0;
    }).map(function (t) { return [t, chars(t).length]; });
    found.sort(function (a, b) { return a[1] - b[1]; }); // stable: list order within a length
    return found.slice(0, limit).map(function (x) { return x[0]; });
  }
  function oneEditApart(a, b) {
    if (a.length > b.length) { var c = a; a = b; b = c; }
    if (b.length - a.length > 1) return false;
    var i = 0;
    while (i < a.length && a[i] === b[i]) i++;
    if (a.length === b.length) {
      if (i === a.length) return false;
      return a.slice(i + 1).join("") === b.slice(i + 1).join("");
    }
    return a.slice(i).join("") === b.slice(i + 1).join("");
  }
  function nearTerms(list, tok, skip) {
    var a = chars(tok), found = [];
    for (var i = 0; i < list.all.length && found.length < MAX_VARIANTS; i++) {
      var t = list.all[i][0], b = list.all[i][1];
      if (Math.abs(b.length - a.length) <= 1 && !skip[t] && LETTERS.test(t) && oneEditApart(a, b)) {
        found.push(t);
      }
    }
    return found;
  }
  function queryPlan(query, list, typos, completed) {
    var toks = T.queryTokens(query, locale);
    var typing = typingToken(query);
    return toks.map(function (tok) {
      var kind = T.kind(chars(tok)[0]), n = chars(tok).length;
      var variants = [{ term: tok, how: EXACT }];
      if (tok === typing && n >= (MIN_PREFIX[kind] || Infinity)) {
        completions(list, tok, completed).forEach(function (t) {
          variants.push({ term: t, how: COMPLETED });
        });
      }
      if (typos && kind === "word" && n >= MIN_TYPO && LETTERS.test(tok)) {
        var skip = {};
        variants.forEach(function (v) { skip[v.term] = true; });
        nearTerms(list, tok, skip).forEach(function (t) {
          variants.push({ term: t, how: TYPO });
        });
      }
      var optional = tok === typing && tok === toks[toks.length - 1] && kind === "word" &&
        n === 1 && toks.length > 1;
      return { variants: variants, optional: optional };
    });
  }
  /* Ids matching every required token, best first: as typed, then with a
     completion, then with typos; then by score. Scores live in typed arrays
     over the range of the ids met (a locale's ids lie close together); this
     runs over thousands of postings for frequent terms. */
  function rank(plan, lists, docs) {
    var lo = Infinity, hi = -Infinity;
    lists.forEach(function (ps) {
      ps.forEach(function (p) {
        for (var s = 0; p && s < 2; s++) {
          for (var i = 0; i < p[s].length; i++) {
            if (p[s][i] < lo) lo = p[s][i];
            if (p[s][i] > hi) hi = p[s][i];
          }
        }
      });
    });
    if (lo > hi) return [];
    var size = hi - lo + 1;
    var score = new Float64Array(size), typos = new Uint8Array(size), completed = new Uint8Array(size);
    var bestHow = new Int8Array(size), bestScore = new Float64Array(size);
    var seen = new Int32Array(size), level = new Int32Array(size);
    var required = 0, alive = [];
    plan.forEach(function (token, k) {
      var touched = [];
      token.variants.forEach(function (v, j) {
        var p = lists[k][j];
        if (!p) return;
        var idf = Math.log(1 + docs / (p[0].length + p[1].length));
        for (var side = 0; side < 2; side++) {
          var s = (side === 0 ? TITLE : 1) * idf, ids = p[side];
          for (var i = 0; i < ids.length; i++) {
            var x = ids[i] - lo;
            // Only pages that matched every required token so far count.
            if (level[x] !== required) continue;
            if (seen[x] !== k + 1) {
              seen[x] = k + 1; bestHow[x] = v.how; bestScore[x] = s; touched.push(x);
            } else if (v.how < bestHow[x] || (v.how === bestHow[x] && s > bestScore[x])) {
              bestHow[x] = v.how; bestScore[x] = s;
            }
          }
        }
      });
      touched.forEach(function (x) {
        score[x] += bestScore[x];
        if (bestHow[x] === TYPO) typos[x]++;
        else if (bestHow[x] === COMPLETED) completed[x]++;
        if (!token.optional) level[x] = required + 1;
      });
      if (!token.optional) { required++; alive = touched; }
    });
    return alive.sort(function (a, b) {
      return typos[a] - typos[b] || completed[a] - completed[b] || score[b] - score[a] || a - b;
    }).map(function (x) { return x + lo; });
  }
  function run(plan, meta) {
    return Promise.all(plan.map(function (token) {
      return Promise.all(token.variants.map(function (v) { return postings(meta, v.term); }));
    })).then(function (lists) { return rank(plan, lists, meta.docs); });
  }
  function search(query) {
    if (!T.queryTokens(query, locale).length) return Promise.resolve([]);
    return Promise.all([getJSON(base + "meta.json"), terms()]).then(function (got) {
      var meta = got[0], list = got[1];
      // Each step widens the query only if the last found too few pages.
      function step(n, tried, found) {
        if (n === STEPS.length || found.length >= RESULTS) return Promise.resolve(found);
        var plan = queryPlan(query, list, STEPS[n][1], STEPS[n][0]);
        var key = JSON.stringify(plan);
        if (key === tried) return step(n + 1, tried, found); // widens nothing
        return run(plan, meta).then(function (ids) { return step(n + 1, key, ids); });
      }
      return step(0, null, []).then(function (ids) {
        return Promise.all(ids.slice(0, RESULTS).map(function (id) {
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
  terms().catch(function () { /* retried on first query */ });
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
