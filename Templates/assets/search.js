// PlanPress search: reads the static index under search/ (see docs/search.md).
// Normalisation, words and stems match Sources/PlanPressKit/Search/SearchText.swift;
// Tests/Fixtures/search/words.json holds the cases both must agree on.
(function () {
  "use strict";

  var APOSTROPHES = /['\u2019\u02BC\u2018`\u00B4\u02B9\u00AD]/g;
  var STOP = new Set(["та", "як", "що", "до", "за", "на", "по", "не", "від", "для", "або", "але", "про", "при",
    "між", "це", "його", "її", "їх", "щодо", "із", "зі", "під", "над", "через", "the", "and", "of", "in", "to", "for"]);
  var ENDINGS = ["ування", "ювання", "ання", "яння", "ення", "іння", "ість", "ості", "істю", "ують", "ього",
    "ьому", "ами", "ями", "ими", "ого", "ому", "ьої", "ові", "еві", "єві", "ією", "ати", "яти", "ити", "іти",
    "ути", "ють", "ать", "ять", "уть", "ить", "іть", "ах", "ях", "ам", "ям", "ом", "ем", "єм", "ів", "їв", "ей",
    "ії", "ія", "ію", "ої", "ій", "ий", "их", "іх", "им", "ім", "ою", "ею", "єю", "ти", "ть", "ує", "ює",
    "а", "я", "о", "е", "є", "і", "ї", "и", "у", "ю", "ь"].sort(function (a, b) { return b.length - a.length; });
  var MIN_STEM = 3;
  var TRANSLIT = { "а": "a", "б": "b", "в": "v", "г": "h", "д": "d", "е": "e", "є": "ie", "ж": "zh", "з": "z",
    "и": "y", "і": "i", "ї": "yi", "й": "j", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p",
    "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ь": "q", "ю": "iu", "я": "ia" };
  var WORD_CHAR = /[\p{L}\p{N}]/u;
  var DIGIT = /\p{Nd}/u;

  function normalise(text) {
    return text.normalize("NFC").toLowerCase().replace(APOSTROPHES, "").replace(/\p{M}/gu, "").replace(/ґ/g, "г");
  }

  function words(text) {
    var chars = Array.from(normalise(text)), result = [], current = "";
    function flush() { if (Array.from(current).length > 1) result.push(current); current = ""; }
    for (var i = 0; i < chars.length; i++) {
      var c = chars[i];
      if (WORD_CHAR.test(c)) current += c;
      else if (c === "." && current && DIGIT.test(current[current.length - 1]) && i + 1 < chars.length && DIGIT.test(chars[i + 1])) current += c;
      else flush();
    }
    flush();
    return result;
  }

  function stem(word) {
    var chars = Array.from(word);
    if (chars.length <= MIN_STEM || !/[\u0400-\u04FF]/.test(word)) return word;
    for (var i = 0; i < ENDINGS.length; i++) {
      var ending = ENDINGS[i];
      if (chars.length - ending.length >= MIN_STEM && word.endsWith(ending)) { chars = chars.slice(0, chars.length - ending.length); break; }
    }
    if (chars.length > MIN_STEM && chars[chars.length - 1] === "ь") chars.pop();
    return chars.join("");
  }

  function terms(text) { return words(text).filter(function (w) { return !STOP.has(w); }).map(stem); }

  function shardKey(term) {
    return Array.from(term).slice(0, 2).map(function (c) {
      if (TRANSLIT[c]) return TRANSLIT[c];
      return /^[a-z0-9]$/.test(c) ? c : "_";
    }).join("");
  }

  // ----- index access: every file fetched once per page view -----

  function Index(base) {
    this.base = base;
    this.cache = new Map();
  }
  Index.prototype.get = function (path) {
    if (!this.cache.has(path)) {
      this.cache.set(path, fetch(this.base + path).then(function (r) {
        if (!r.ok) throw new Error(path + ": " + r.status);
        return r.json();
      }));
    }
    return this.cache.get(path);
  };

  // Scores documents: for every query word, the best of its exact stem and the
  // longer stems it begins (word endings the stemmer did not remove).
  function rank(meta, shards, queryTerms) {
    var scores = new Map(), matched = new Map();
    queryTerms.forEach(function (q, qi) {
      var shard = shards[qi] || {}, best = new Map();
      Object.keys(shard).forEach(function (term) {
        var factor = term === q ? 1 : (q.length >= MIN_STEM && term.startsWith(q) ? 0.6 : 0);
        if (!factor) return;
        var list = shard[term], idf = Math.log(1 + meta.count / (list.length / 2));
        for (var i = 0; i < list.length; i += 2) {
          var s = list[i + 1] * idf * factor;
          if (s > (best.get(list[i]) || 0)) best.set(list[i], s);
        }
      });
      best.forEach(function (s, doc) {
        scores.set(doc, (scores.get(doc) || 0) + s);
        matched.set(doc, (matched.get(doc) || 0) + 1);
      });
    });
    var docs = Array.from(scores.keys());
    var most = docs.reduce(function (m, d) { return Math.max(m, matched.get(d)); }, 0);
    var hits = docs.filter(function (d) { return matched.get(d) === most; });
    hits.sort(function (a, b) { return scores.get(b) - scores.get(a) || a - b; });
    return { docs: hits, complete: most === queryTerms.length };
  }

  function search(index, query, limit) {
    var queryTerms = Array.from(new Set(terms(query)));
    if (!queryTerms.length) return Promise.resolve({ terms: [], results: [], total: 0, complete: true });
    return index.get("meta.json").then(function (meta) {
      var known = new Set(meta.shards);
      return Promise.all(queryTerms.map(function (q) {
        var key = shardKey(q);
        return known.has(key) ? index.get("s/" + key + ".json") : Promise.resolve({});
      })).then(function (shards) {
        var ranked = rank(meta, shards, queryTerms), top = ranked.docs.slice(0, limit);
        var chunks = Array.from(new Set(top.map(function (d) { return Math.floor(d / meta.chunk); })));
        return Promise.all(chunks.map(function (c) { return index.get("d/" + c + ".json"); })).then(function (loaded) {
          var byChunk = new Map(chunks.map(function (c, i) { return [c, loaded[i]]; }));
          var results = top.map(function (d) {
            var row = byChunk.get(Math.floor(d / meta.chunk))[d % meta.chunk];
            return { id: d, kind: row[0], plan: row[1] >= 0 ? meta.plans[row[1]] : null, heading: row[2], text: row[3], path: row[4] };
          });
          return { terms: queryTerms, results: results, total: ranked.docs.length, complete: ranked.complete };
        });
      });
    });
  }

  // ----- the page -----

  function plural(lang, n, forms) {
    var parts = forms.split("|");
    if (parts.length !== 3) return parts[0];
    var category = new Intl.PluralRules(lang).select(n);
    return category === "one" ? parts[0] : category === "few" ? parts[1] : parts[2];
  }

  // A piece of `text` around the first matching word, matching words in <mark>.
  function snippet(text, queryTerms, element) {
    var spans = [], re = /[\p{L}\p{N}'\u2019\u02BC\u2018`\u00B4\u02B9\u00AD\p{M}]+/gu, m;
    while ((m = re.exec(text))) {
      var w = normalise(m[0]), s = stem(w);
      var hit = queryTerms.some(function (q) { return s === q || w === q || (q.length >= MIN_STEM && (s.startsWith(q) || w.startsWith(q))); });
      if (hit) spans.push([m.index, m.index + m[0].length]);
    }
    var start = 0, end = text.length, size = 200;
    if (text.length > size) {
      var first = spans.length ? spans[0][0] : 0;
      start = Math.max(0, first - 60);
      if (start > 0) { var space = text.indexOf(" ", start); if (space >= 0 && space < first) start = space + 1; }
      end = Math.min(text.length, start + size);
      if (end < text.length) { var back = text.lastIndexOf(" ", end); if (back > start) end = back; }
    }
    if (start > 0) element.appendChild(document.createTextNode("…"));
    var at = start;
    spans.forEach(function (span) {
      if (span[0] < at || span[1] > end) return;
      element.appendChild(document.createTextNode(text.slice(at, span[0])));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(span[0], span[1]);
      element.appendChild(mark);
      at = span[1];
    });
    element.appendChild(document.createTextNode(text.slice(at, end) + (end < text.length ? "…" : "")));
  }

  function start() {
    var form = document.getElementById("search-form");
    if (!form || !window.fetch) return;
    var input = document.getElementById("search-query");
    var status = document.getElementById("search-status");
    var list = document.getElementById("search-results");
    var data = form.dataset, lang = data.lang || document.documentElement.lang;
    var contentLang = lang === "uk" ? null : "uk";
    var index = new Index(data.index);
    var limit = 50, timer = null, generation = 0;

    document.getElementById("search-nojs").hidden = true;
    form.hidden = false;

    function say(text) { status.textContent = text; }

    function withLang(element) { if (contentLang) element.lang = contentLang; return element; }

    function show(query, outcome) {
      list.textContent = "";
      outcome.results.forEach(function (r) {
        var item = document.createElement("li"), link = document.createElement("a");
        item.className = "search-result";
        link.href = data.root + r.path;
        link.textContent = r.kind === "indicator" ? data.kindIndicator + " " + r.heading : r.heading;
        if (r.kind !== "indicator") withLang(link);
        var heading = document.createElement("p");
        heading.className = "search-result-title";
        heading.appendChild(link);
        item.appendChild(heading);
        var meta = document.createElement("p");
        meta.className = "meta";
        var kind = document.createElement("span");
        kind.className = "search-kind";
        kind.textContent = data["kind" + r.kind.charAt(0).toUpperCase() + r.kind.slice(1)] || r.kind;
        meta.appendChild(kind);
        if (r.plan) {
          meta.appendChild(document.createTextNode(" · "));
          var plan = withLang(document.createElement("span"));
          plan.textContent = r.plan[0];
          meta.appendChild(plan);
        }
        item.appendChild(meta);
        if (r.text && r.text !== r.heading) {
          var text = withLang(document.createElement("p"));
          text.className = "search-snippet";
          snippet(r.text, outcome.terms, text);
          item.appendChild(text);
        }
        list.appendChild(item);
      });
      if (!outcome.terms.length) say(query.trim() ? data.short : "");
      else if (!outcome.total) say(data.none.replace("{query}", query));
      else {
        var found = outcome.total + "\u00A0" + plural(lang, outcome.total, data.found);
        say(outcome.complete ? found : data.partial.replace("{count}", found));
      }
    }

    function run(query, record) {
      var mine = ++generation;
      if (record) {
        var url = new URL(window.location.href);
        if (query.trim()) url.searchParams.set("q", query); else url.searchParams.delete("q");
        window.history.replaceState(null, "", url);
      }
      if (!query.trim()) { list.textContent = ""; say(""); return Promise.resolve(); }
      say(data.loading);
      return search(index, query, limit).then(function (outcome) {
        if (mine === generation) show(query, outcome);
      }, function () {
        if (mine === generation) say(data.error);
      });
    }

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      clearTimeout(timer);
      run(input.value, true);
    });
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () { run(input.value, true); }, 250);
    });

    var initial = new URLSearchParams(window.location.search).get("q");
    if (initial) { input.value = initial; run(initial, false); }
  }

  window.PlanPressSearch = { normalise: normalise, words: words, stem: stem, terms: terms, shardKey: shardKey, search: search, Index: Index };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start); else start();
})();
