// PlanPress search: reads the static index under search/ (see docs/search.md).
// Normalisation, words and stems match Sources/PlanPressKit/Search/SearchText.swift;
// Tests/Fixtures/search/words.json holds the cases both must agree on.
(function () {
  "use strict";

  var APOSTROPHES = /['\u2019\u02BC\u2018`\u00B4\u02B9\u00AD]/g;
  var STOP = new Set(["та", "як", "що", "до", "за", "на", "по", "не", "від", "для", "або", "але", "про", "при",
    "між", "це", "його", "її", "їх", "щодо", "із", "зі", "під", "над", "через", "the", "and", "of", "in", "to", "for"]);
  var ENDINGS = ["ування", "ювання", "ання", "яння", "ення", "іння", "уванню", "уванні", "уванням", "уваннях", "юванню", "юванні", "юванням", "юваннях", "анню", "анні", "анням", "аннях", "янню", "янні", "янням", "яннях", "енню", "енні", "енням", "еннях", "інню", "інні", "інням", "іннях", "ьми",
    "ість", "ості", "істю", "остей", "остям", "остями", "остях", "ують", "ього",
    "ьому", "ами", "ями", "ими", "ого", "ому", "ьої", "ові", "еві", "єві", "ією", "ати", "яти", "ити", "іти",
    "ути", "ють", "ать", "ять", "уть", "ить", "іть", "ах", "ях", "ам", "ям", "ом", "ем", "єм", "ів", "їв", "ей",
    "ії", "ія", "ію", "ої", "ій", "ий", "их", "іх", "им", "ім", "ою", "ею", "єю", "ти", "ть", "ує", "ює",
    "а", "я", "о", "е", "є", "і", "ї", "и", "у", "ю", "ь"].sort(function (a, b) { return b.length - a.length; });
  var MIN_STEM = 3;
  var ALTERNATIONS = [["озі", "ога"], ["тиці", "тика"]];
  var VOWELS = "аеєиіїоуюяьй";
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
    var chars = Array.from(word), i;
    if (chars.length <= MIN_STEM || !/[\u0400-\u04FF]/.test(word)) return word;
    for (i = 0; i < ALTERNATIONS.length; i++) {
      var from = ALTERNATIONS[i][0];
      if (chars.length - from.length >= MIN_STEM && word.endsWith(from)) {
        chars = chars.slice(0, chars.length - from.length).concat(Array.from(ALTERNATIONS[i][1]));
        break;
      }
    }
    var joined = chars.join("");
    for (i = 0; i < ENDINGS.length; i++) {
      var ending = ENDINGS[i];
      if (chars.length - ending.length >= MIN_STEM && joined.endsWith(ending)) { chars = chars.slice(0, chars.length - ending.length); break; }
    }
    if (chars.length > MIN_STEM && chars[chars.length - 1] === "ь") chars.pop();
    var n = chars.length;
    if (n > MIN_STEM + 1 && (chars[n - 1] === "к" || chars[n - 1] === "ц") && (chars[n - 2] === "о" || chars[n - 2] === "е") &&
        VOWELS.indexOf(chars[n - 3]) < 0) chars.splice(n - 2, 1);
    var m = chars.length;
    if (m >= MIN_STEM && chars[m - 2] === "і" && VOWELS.indexOf(chars[m - 1]) < 0 && VOWELS.indexOf(chars[m - 3]) < 0 &&
        /[\u0400-\u04FF]/.test(chars[m - 1])) chars[m - 2] = "о";
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

  // One edit apart (insertion, deletion, substitution or transposition of neighbours)?
  function oneEdit(a, b) {
    if (a === b) return false;
    a = Array.from(a); b = Array.from(b);
    var la = a.length, lb = b.length;
    if (Math.abs(la - lb) > 1) return false;
    if (la === lb) {
      var diff = [];
      for (var i = 0; i < la && diff.length < 3; i++) if (a[i] !== b[i]) diff.push(i);
      return diff.length === 1 || (diff.length === 2 && diff[1] === diff[0] + 1 && a[diff[0]] === b[diff[1]] && a[diff[1]] === b[diff[0]]);
    }
    var s = la < lb ? a : b, l = la < lb ? b : a, k = 0;
    while (k < s.length && s[k] === l[k]) k++;
    return s.slice(k).join("") === l.slice(k + 1).join("");
  }

  var ALPHABET = Array.from("абвгдеєжзиіїйклмнопрстуфхцчшщьюя");

  // The stems of every word one edit away from `word` (a typo may break its ending too).
  function variantStems(word) {
    var c = Array.from(word), out = new Set();
    function add(chars) { out.add(stem(chars.join(""))); }
    for (var i = 0; i <= c.length; i++) {
      if (i < c.length) add(c.slice(0, i).concat(c.slice(i + 1)));
      if (i < c.length - 1) add(c.slice(0, i).concat([c[i + 1], c[i]], c.slice(i + 2)));
      for (var a = 0; a < ALPHABET.length; a++) {
        add(c.slice(0, i).concat([ALPHABET[a]], c.slice(i)));
        if (i < c.length && c[i] !== ALPHABET[a]) add(c.slice(0, i).concat([ALPHABET[a]], c.slice(i + 1)));
      }
    }
    return out;
  }

  var TYPO_MIN = 5, TYPO_FACTOR = 0.8, PREFIX_FACTOR = 0.6, ENDED_FACTOR = 0.75;

  function planOf(meta, doc) {
    for (var p = 0; p < meta.ranges.length; p++) if (doc >= meta.ranges[p][0] && doc < meta.ranges[p][1]) return p;
    return -1;
  }

  // Scores documents: for every query word, the best of its exact stem and the
  // longer stems it begins (word endings the stemmer did not remove); a word of
  // five or more letters that matches nothing takes the terms one edit away.
  // Results of plans whose period has ended weigh less, so when relevance is
  // close the current plans come first. `plan` >= 0 keeps that plan's results only.
  function rank(meta, shards, queryTerms, queryWords, plan) {
    var scores = new Map(), matched = new Map(), corrected = [];
    queryTerms.forEach(function (q, qi) {
      var shard = shards[qi] || {}, best = new Map(), terms = Object.keys(shard);
      function take(term, factor) {
        var list = shard[term], idf = Math.log(1 + meta.count / (list.length / 2));
        for (var i = 0; i < list.length; i += 2) {
          var s = list[i + 1] * idf * factor;
          if (s > (best.get(list[i]) || 0)) best.set(list[i], s);
        }
      }
      var any = false;
      terms.forEach(function (term) {
        var factor = term === q ? 1 : (q.length >= MIN_STEM && term.startsWith(q) ? PREFIX_FACTOR : 0);
        if (factor) { any = true; take(term, factor); }
      });
      if (!any && Array.from(queryWords[qi] || q).length >= TYPO_MIN) {
        var stems = variantStems(queryWords[qi] || q);
        var near = terms.filter(function (term) { return oneEdit(q, term) || stems.has(term); });
        near.forEach(function (term) { take(term, TYPO_FACTOR); });
        if (near.length) {
          near.sort(function (a, b) { return shard[b].length - shard[a].length || (a < b ? -1 : 1); });
          corrected.push({ index: qi, term: near[0] });
        }
      }
      best.forEach(function (s, doc) {
        if (plan >= 0 && planOf(meta, doc) !== plan) return;
        var p = planOf(meta, doc);
        if (p >= 0 && meta.plans[p][2]) s *= ENDED_FACTOR;
        scores.set(doc, (scores.get(doc) || 0) + s);
        matched.set(doc, (matched.get(doc) || 0) + 1);
      });
    });
    var docs = Array.from(scores.keys());
    var most = docs.reduce(function (m, d) { return Math.max(m, matched.get(d)); }, 0);
    var hits = docs.filter(function (d) { return matched.get(d) === most; });
    hits.sort(function (a, b) { return scores.get(b) - scores.get(a) || a - b; });
    return { docs: hits, complete: most === queryTerms.length, corrected: corrected };
  }

  // Query words with their terms (stop words out, one entry per distinct term).
  function queryParts(query) {
    var seen = new Set(), out = { terms: [], words: [] };
    words(query).forEach(function (w) {
      if (STOP.has(w)) return;
      var t = stem(w);
      if (seen.has(t)) return;
      seen.add(t);
      out.terms.push(t);
      out.words.push(w);
    });
    return out;
  }

  // A word of `text` whose stem is `term`, as written (for «Did you mean …»).
  function surfaceWord(text, term) {
    var re = /[\p{L}\p{N}'\u2019\u02BC]+/gu, m;
    while ((m = re.exec(text || ""))) if (stem(normalise(m[0])) === term) return m[0].toLowerCase();
    return null;
  }

  function search(index, query, limit, plan) {
    var parts = queryParts(query), queryTerms = parts.terms;
    if (plan === undefined || plan === null) plan = -1;
    if (!queryTerms.length) return Promise.resolve({ terms: [], results: [], total: 0, complete: true, suggestion: null });
    return index.get("meta.json").then(function (meta) {
      var known = new Set(meta.shards);
      return Promise.all(queryTerms.map(function (q) {
        var key = shardKey(q);
        return known.has(key) ? index.get("s/" + key + ".json") : Promise.resolve({});
      })).then(function (shards) {
        var ranked = rank(meta, shards, queryTerms, parts.words, plan), top = ranked.docs.slice(0, limit);
        var chunks = Array.from(new Set(top.map(function (d) { return Math.floor(d / meta.chunk); })));
        return Promise.all(chunks.map(function (c) { return index.get("d/" + c + ".json"); })).then(function (loaded) {
          var byChunk = new Map(chunks.map(function (c, i) { return [c, loaded[i]]; }));
          var results = top.map(function (d) {
            var row = byChunk.get(Math.floor(d / meta.chunk))[d % meta.chunk];
            var p = row[1] >= 0 ? meta.plans[row[1]] : null;
            return { id: d, kind: row[0], plan: p, planIndex: row[1], heading: row[2], text: row[3], path: row[4],
              level: p && row[5] >= 0 ? { uk: p[3][row[5]], en: p[4][row[5]] } : null, number: row[6] || "", term: row[7] || "",
              ended: !!(p && p[2]) };
          });
          var suggestion = null;
          if (ranked.corrected.length) {
            var replaced = parts.words.slice(), effective = queryTerms.slice();
            ranked.corrected.forEach(function (c) {
              effective[c.index] = c.term;
              var word = null;
              for (var i = 0; i < results.length && !word; i++) word = surfaceWord(results[i].heading + " " + results[i].text, c.term);
              replaced[c.index] = word || c.term;
            });
            suggestion = { text: replaced.join(" "), terms: effective };
          }
          return { terms: suggestion ? suggestion.terms : queryTerms, results: results, total: ranked.docs.length,
            complete: ranked.complete, suggestion: suggestion };
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
    var suggest = document.getElementById("search-suggestion");
    var planSelect = document.getElementById("search-plan");
    var data = form.dataset, lang = data.lang || document.documentElement.lang;
    var contentLang = lang === "uk" ? null : "uk";
    var index = new Index(data.index);
    // The first 20 results, then 20 more per «Показати ще»: a cold query downloads
    // only the document chunks of what it shows (docs/search.md, «Budget»).
    var PAGE = 20, limit = PAGE, timer = null, generation = 0, lastQuery = null;
    var more = document.getElementById("search-more");

    document.getElementById("search-nojs").hidden = true;
    form.hidden = false;

    function say(text) { status.textContent = text; }

    function withLang(element) { if (contentLang) element.lang = contentLang; return element; }

    // The start of a text, cut at a word boundary, ending in «…» when cut.
    function start(text, size) {
      if (text.length <= size) return text;
      var cut = text.lastIndexOf(" ", size);
      return text.slice(0, cut > size / 2 ? cut : size).replace(/[\s,;:.–—-]+$/, "") + "…";
    }

    function show(query, outcome) {
      list.textContent = "";
      suggest.textContent = "";
      suggest.hidden = !outcome.suggestion;
      if (outcome.suggestion) {
        var url = new URL(window.location.href);
        url.searchParams.set("q", outcome.suggestion.text);
        var parts = data.suggest.split("{query}"), link = withLang(document.createElement("a"));
        link.href = url.pathname + url.search;
        link.textContent = outcome.suggestion.text;
        link.addEventListener("click", function (event) {
          event.preventDefault();
          input.value = outcome.suggestion.text;
          run(input.value, true);
        });
        suggest.appendChild(document.createTextNode(parts[0]));
        suggest.appendChild(link);
        suggest.appendChild(document.createTextNode(parts[1] || ""));
      }
      outcome.results.forEach(function (r) {
        var item = document.createElement("li"), link = document.createElement("a");
        item.className = "search-result";
        link.href = data.root + r.path;
        if (r.kind === "indicator") link.textContent = data.kindIndicator + " " + r.heading;
        else if (r.level && r.number) {
          // «Захід 1.4. забезпечення функціонування…»: level in the interface language, text in Ukrainian.
          link.appendChild(document.createTextNode((contentLang ? r.level.en : r.level.uk) + " " + r.number + ". "));
          var lead = withLang(document.createElement("span"));
          lead.textContent = start(r.text || r.heading, 110);
          link.appendChild(lead);
        } else {
          link.textContent = r.heading;
          withLang(link);
        }
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
          if (r.ended) meta.appendChild(document.createTextNode(" (" + data.ended + ")"));
        }
        if (r.term) {
          meta.appendChild(document.createTextNode(" · " + data.term + ": "));
          var term = withLang(document.createElement("span"));
          term.textContent = r.term;
          meta.appendChild(term);
        }
        item.appendChild(meta);
        if (r.text && r.text !== r.heading && (r.kind !== "goal" && r.kind !== "measure" || r.text.length > 110)) {
          var text = withLang(document.createElement("p"));
          text.className = "search-snippet";
          snippet(r.text, outcome.terms, text);
          item.appendChild(text);
        }
        list.appendChild(item);
      });
      if (more) more.hidden = outcome.results.length >= outcome.total;
      if (!outcome.terms.length) say(query.trim() ? data.short : "");
      else if (!outcome.total) say(data.none.replace("{query}", query));
      else {
        var found = outcome.total + "\u00A0" + plural(lang, outcome.total, data.found);
        say(outcome.complete ? found : data.partial.replace("{count}", found));
      }
    }

    function run(query, record, keepLimit) {
      var mine = ++generation;
      if (!keepLimit || query !== lastQuery) limit = PAGE;
      lastQuery = query;
      if (record) {
        var url = new URL(window.location.href);
        if (query.trim()) url.searchParams.set("q", query); else url.searchParams.delete("q");
        if (planSelect && planSelect.value) url.searchParams.set("plan", planSelect.value); else url.searchParams.delete("plan");
        window.history.replaceState(null, "", url);
      }
      if (!query.trim()) { list.textContent = ""; say(""); return Promise.resolve(); }
      say(data.loading);
      return selectedPlan().then(function (plan) { return search(index, query, limit, plan); }).then(function (outcome) {
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

    // The plan filter: option values are plan ids; the index lists plans by path.
    function selectedPlan() {
      if (!planSelect || !planSelect.value) return Promise.resolve(-1);
      return index.get("meta.json").then(function (meta) {
        for (var p = 0; p < meta.plans.length; p++) if (meta.plans[p][1] === "plans/" + planSelect.value + "/") return p;
        return -1;
      });
    }
    if (more) more.addEventListener("click", function () {
      var shown = list.children.length;
      limit += PAGE;
      run(input.value, false, true).then(function () {
        var next = list.children[shown];
        var link = next && next.querySelector("a");
        if (link) link.focus();
      });
    });
    if (planSelect) planSelect.addEventListener("change", function () { clearTimeout(timer); run(input.value, true); });
    var initialPlan = new URLSearchParams(window.location.search).get("plan");
    if (planSelect && initialPlan) planSelect.value = initialPlan;
    var initial = new URLSearchParams(window.location.search).get("q");
    if (initial) { input.value = initial; run(initial, false); }
  }

  window.PlanPressSearch = { normalise: normalise, words: words, stem: stem, terms: terms, shardKey: shardKey, search: search, Index: Index,
    oneEdit: oneEdit };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start); else start();
})();
