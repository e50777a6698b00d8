// PlanPress search: reads the static index under search/ (see docs/search.md).
// Normalisation, words and candidate stems match Sources/PlanPressKit/Search/SearchText.swift;
// Tests/Fixtures/search/words.json holds the cases both must agree on.
(function () {
  "use strict";

  var APOSTROPHES = /['\u2019\u02BC\u2018`\u00B4\u02B9\u00AD]/g;
  function list(text) { return text.split(" "); }
  var STOP = new Set(list("та як що до за на по не від для або але про при між це його її їх щодо із зі під над через the and of in to for"));
  function byLength(all) { return all.sort(function (a, b) { return b.length - a.length; }); }
  // The -ння nouns in every case («навчання», «навчанню», «навчанням» …), then the other endings.
  var NOUNS = [];
  list("ува юва а я е і").forEach(function (p) { list("ння нню нні нням ннях").forEach(function (e) { NOUNS.push(p + e); }); });
  var ENDINGS = byLength(NOUNS.concat(list("ань янь ень інь ьми ість ості істю остей остям остями остях ують ього ьому ами ями ими ого ому ьої ові еві єві ією " +
    "ати яти ити іти ути ють ать ять уть ить іть ах ях ам ям ом ем єм ів їв ей ії ія ію ої ій ий их іх им ім ою ею єю ує ює а я о е є і ї и у ю ь")));
  var RU_ENDINGS = byLength(list("иями остями остью остей остям остях ость ости ями ами ией иях ием иям ого его ому ему ыми ими ать ять ить еть ыть ует уют " +
    "ая яя ое ее ые ие ый ий ой ей ую юю ою ею ом ем ым им ых их ов ев ам ям ах ях ия ья ье ии ию ью ть ся а я о е ы и у ю ь й"));
  var VERB = new Set(list("ати яти ити іти ути ють ать ять уть ить іть ують еть ыть ует уют ть"));
  var MIN_STEM = 3;
  var ALTERNATIONS = [["озі", "ога"], ["тиці", "тика"]];
  var VOWELS = "аеєиіїоуюяьйыэ", IOTATED = "яюєї";
  var TRANSLIT = { "а": "a", "б": "b", "в": "v", "г": "h", "д": "d", "е": "e", "є": "ie", "ж": "zh", "з": "z",
    "и": "y", "і": "i", "ї": "yi", "й": "j", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p",
    "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ь": "q", "ю": "iu", "я": "ia", "ы": "yy", "э": "eh", "ъ": "qq" };
  var WORD_CHAR = /[\p{L}\p{N}]/u, DIGIT = /\p{Nd}/u, CYRILLIC = /[\u0400-\u04FF]/, NUMBER = /^\d[\d.\-]*$/;

  function normalise(text) {
    return text.normalize("NFC").toLowerCase().replace(APOSTROPHES, "").replace(/\p{M}/gu, "").replace(/ґ/g, "г").replace(/ё/g, "е");
  }

  // Runs of letters and digits; «1.2» and «6.3-1» stay whole; single characters only as digits when `keepDigits`.
  function words(text, keepDigits) {
    var chars = Array.from(normalise(text)), result = [], current = "", dotted = false;
    function flush() {
      var n = Array.from(current).length;
      if (n > 1 || (keepDigits && n === 1 && DIGIT.test(current))) result.push(current);
      current = ""; dotted = false;
    }
    for (var i = 0; i < chars.length; i++) {
      var c = chars[i], digitNext = i + 1 < chars.length && DIGIT.test(chars[i + 1]), digitLast = current && DIGIT.test(current[current.length - 1]);
      if (WORD_CHAR.test(c)) current += c;
      else if (c === "." && digitLast && digitNext) { current += c; dotted = true; }
      else if (c === "-" && dotted && digitLast && digitNext) current += c;
      else flush();
    }
    flush();
    return result;
  }

  function removable(ending, chars) {
    var left = chars.length - ending.length;
    return left >= (VERB.has(ending) ? MIN_STEM + 1 : MIN_STEM) && chars.join("").endsWith(ending);
  }

  function alternated(chars) {
    var word = chars.join("");
    for (var i = 0; i < ALTERNATIONS.length; i++) {
      var from = ALTERNATIONS[i][0];
      if (chars.length - from.length >= MIN_STEM && word.endsWith(from)) return chars.slice(0, chars.length - from.length).concat(Array.from(ALTERNATIONS[i][1]));
    }
    return null;
  }

  // Final ь; fleeting о/е before к, ц; і → о in a closed last syllable (as SearchText.finish).
  function finish(stem) {
    var c = stem.slice();
    if (c.length > MIN_STEM && c[c.length - 1] === "ь") c.pop();
    var n = c.length;
    if (n > MIN_STEM + 1 && (c[n - 1] === "к" || c[n - 1] === "ц") && (c[n - 2] === "о" || c[n - 2] === "е") && VOWELS.indexOf(c[n - 3]) < 0) c.splice(n - 2, 1);
    var m = c.length;
    if (m >= MIN_STEM && c[m - 2] === "і" && VOWELS.indexOf(c[m - 1]) < 0 && VOWELS.indexOf(c[m - 3]) < 0 && CYRILLIC.test(c[m - 1])) c[m - 2] = "о";
    return c.join("");
  }

  function englishStem(word) {
    var w = word;
    if (w.length <= MIN_STEM || !/^[a-z]+$/.test(w)) return word;
    if (w.endsWith("ies") && w.length > 4) w = w.slice(0, -3) + "y";
    else if (w.endsWith("sses")) w = w.slice(0, -2);
    else if (w.endsWith("s") && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
    if (w.endsWith("ing") && w.length - 3 >= MIN_STEM) w = w.slice(0, -3);
    else if (w.endsWith("ed") && w.length - 2 >= MIN_STEM) w = w.slice(0, -2);
    if (w.endsWith("e") && w.length > MIN_STEM) w = w.slice(0, -1);
    return w;
  }

  // The default stem (Ukrainian endings), as SearchText.stem.
  function stem(word) {
    var chars = Array.from(word);
    if (chars.length <= MIN_STEM) return word;
    if (!CYRILLIC.test(word)) return englishStem(word);
    var base = alternated(chars) || chars;
    for (var i = 0; i < ENDINGS.length; i++) {
      if (!removable(ENDINGS[i], base)) continue;
      var s = base.slice(0, base.length - Array.from(ENDINGS[i]).length);
      if (IOTATED.indexOf(ENDINGS[i][0]) >= 0 && s[s.length - 1] === "о" && s.length - 1 >= MIN_STEM) s.pop();
      return finish(s);
    }
    return finish(base);
  }

  // Every candidate stem of a query word (Ukrainian and Russian endings), longest first, as SearchText.candidates(_, .query).
  function candidates(word) {
    var chars = Array.from(word);
    if (chars.length <= MIN_STEM || !CYRILLIC.test(word)) return [stem(word)];
    var found = [];
    function add(s) { var f = finish(s); if (found.indexOf(f) < 0) found.push(f); }
    var bases = [chars], rewritten = alternated(chars);
    if (rewritten) bases.push(rewritten);
    bases.forEach(function (base) {
      add(base);
      [ENDINGS, RU_ENDINGS].forEach(function (list) {
        list.forEach(function (ending) {
          if (!removable(ending, base)) return;
          var s = base.slice(0, base.length - Array.from(ending).length);
          add(s);
          if (IOTATED.indexOf(ending[0]) >= 0 && s[s.length - 1] === "о" && s.length - 1 >= MIN_STEM) add(s.slice(0, -1));
        });
      });
    });
    return found.sort(function (a, b) { return Array.from(b).length - Array.from(a).length || (a < b ? -1 : a > b ? 1 : 0); });
  }

  function terms(text) { return words(text).filter(function (w) { return !STOP.has(w); }).map(stem); }

  function shardKey(term) {
    return Array.from(term).slice(0, 2).map(function (c) {
      if (TRANSLIT[c]) return TRANSLIT[c];
      return /^[a-z0-9]$/.test(c) ? c : "_";
    }).join("");
  }

  // A query typed with the keyboard in the Latin layout, re-read through the Ukrainian
  // (ЙЦУКЕН) and the Russian layout: «hjpvsyedfyyz» → «розмінування».
  var LATIN = "qwertyuiop[]asdfghjkl;'zxcvbnm,.`";
  var UK_KEYS = Array.from("йцукенгшщзхїфівапролджєячсмитьбю'");
  var RU_KEYS = Array.from("йцукенгшщзхъфывапролджэячсмитьбюё");
  var SHIFTED = { "{": "[", "}": "]", ":": ";", "\"": "'", "<": ",", ">": ".", "~": "`" };
  function relayout(query, keys) {
    return Array.from(query.toLowerCase()).map(function (c) {
      var i = LATIN.indexOf(SHIFTED[c] || c);
      return i >= 0 ? keys[i] : c;
    }).join("");
  }
  function layoutSlips(query) {
    if (!/[a-z]/i.test(query) || CYRILLIC.test(query)) return [];
    return [relayout(query, UK_KEYS), relayout(query, RU_KEYS)].filter(function (q, i, all) { return all.indexOf(q) === i; });
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

  // The candidate stems of every word one edit away from `word` (a typo may break its ending too).
  function variantStems(word) {
    var c = Array.from(word), out = new Set();
    function add(chars) { candidates(chars.join("")).forEach(function (s) { out.add(s); }); }
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

  var TYPO_MIN = 5, TYPO_FACTOR = 0.8, PREFIX_FACTOR = 0.6, PREFIX_LONGER = 4, ENDED_FACTOR = 0.75, FIRST_CHUNKS = 4;

  function planOf(meta, doc) {
    for (var p = 0; p < meta.ranges.length; p++) if (doc >= meta.ranges[p][0] && doc < meta.ranges[p][1]) return p;
    return -1;
  }

  // Query words (stop words out, each once), whether the last one may still be being typed.
  function queryParts(query) {
    var seen = new Set(), list = words(query, true).filter(function (w) {
      if (STOP.has(w) || seen.has(w)) return false;
      seen.add(w);
      return true;
    });
    return { words: list, typing: !/\s$/.test(query) };
  }

  // The terms a word may be in the index under, and the shard files they live in.
  function wordCandidates(word) { return NUMBER.test(word) ? [word] : candidates(word); }
  function shardKeys(meta, word) {
    var known = new Set(meta.shards);
    return wordCandidates(word).map(shardKey).filter(function (k, i, all) { return known.has(k) && all.indexOf(k) === i; });
  }

  function postings(list) { return typeof list[0] === "string" ? list.slice(1) : list; }
  function has(shard, term) { return Object.prototype.hasOwnProperty.call(shard, term); }

  // What each query word matches: the longest of its candidate stems the index holds;
  // else, for the last word while it is being typed, terms it begins (at most four
  // letters longer); else, for a word of five or more letters, the terms one edit away.
  function matchWord(shard, word, last, typing) {
    var cands = wordCandidates(word), i, found = [];
    for (i = 0; i < cands.length; i++) if (has(shard, cands[i])) return { terms: [cands[i]], factor: 1 };
    var keys = Object.keys(shard);
    if (last && typing && !NUMBER.test(word)) {
      keys.forEach(function (term) {
        if (cands.some(function (c) { return Array.from(c).length >= MIN_STEM && term.startsWith(c) && Array.from(term).length - Array.from(c).length <= PREFIX_LONGER; })) found.push(term);
      });
      if (found.length) return { terms: found, factor: PREFIX_FACTOR };
    }
    if (Array.from(word).length >= TYPO_MIN && !NUMBER.test(word)) {
      var q = stem(word), stems = variantStems(word);
      found = keys.filter(function (term) { return oneEdit(q, term) || stems.has(term); });
      if (found.length) {
        found.sort(function (a, b) { return postings(shard[b]).length - postings(shard[a]).length || (a < b ? -1 : 1); });
        return { terms: found, factor: TYPO_FACTOR, corrected: found[0] };
      }
    }
    return { terms: [], factor: 0 };
  }

  // Scores documents: per query word the best of its matching terms (weight × idf).
  // When some documents have every word, only they are results; else every document
  // with some of the words, those whose words are rarer first (the sum of the matched
  // words' idf), so one rare word outranks several common ones; then by score.
  // Results of plans whose period has ended weigh less. `plan` >= 0 keeps one plan's results.
  function rank(meta, merged, parts, plan) {
    var scores = new Map(), coverage = new Map(), matched = new Map(), matches = [];
    parts.words.forEach(function (word, wi) {
      var shard = merged[wi], m = matchWord(shard, word, wi === parts.words.length - 1, parts.typing), best = new Map(), rarity = 0;
      m.translations = [];
      m.terms.forEach(function (term) {
        var list = shard[term], docs = postings(list), idf = Math.log(1 + meta.count / (docs.length / 2));
        if (typeof list[0] === "string") m.translations.push(list[0]);
        rarity = Math.max(rarity, idf);
        for (var i = 0; i < docs.length; i += 2) {
          var s = docs[i + 1] * idf * m.factor;
          if (s > (best.get(docs[i]) || 0)) best.set(docs[i], s);
        }
      });
      matches.push(m);
      best.forEach(function (s, doc) {
        var p = planOf(meta, doc);
        if (plan >= 0 && p !== plan) return;
        if (p >= 0 && meta.plans[p][2]) s *= ENDED_FACTOR;
        scores.set(doc, (scores.get(doc) || 0) + s);
        coverage.set(doc, (coverage.get(doc) || 0) + rarity);
        matched.set(doc, (matched.get(doc) || 0) + 1);
      });
    });
    var all = parts.words.length, docs = Array.from(scores.keys());
    var complete = docs.some(function (d) { return matched.get(d) === all; });
    // With every word somewhere, only the documents that have them all; else all, the rarest words first.
    if (complete) docs = docs.filter(function (d) { return matched.get(d) === all; });
    docs.sort(function (a, b) { return coverage.get(b) - coverage.get(a) || scores.get(b) - scores.get(a) || a - b; });
    return { docs: docs, complete: complete, matches: matches };
  }

  // The shards of every word, merged per word (a word's candidates may sit in two shards).
  function shardsFor(index, meta, parts) {
    return Promise.all(parts.words.map(function (word) {
      return Promise.all(shardKeys(meta, word).map(function (k) { return index.get("s/" + k + ".json"); })).then(function (list) {
        return Object.assign.apply(null, [{}].concat(list));
      });
    }));
  }

  // Candidate stems of every word of `text`, with their places (to mark and to quote words).
  function tokens(text) {
    var re = /[\p{L}\p{N}'\u2019\u02BC\u2018`\u00B4\u02B9\u00AD\p{M}]+/gu, m, out = [];
    while ((m = re.exec(text || ""))) {
      var w = normalise(m[0]);
      out.push({ start: m.index, end: m.index + m[0].length, word: w, stems: new Set(wordCandidates(w).concat([w])) });
    }
    return out;
  }
  function hits(token, set) { for (var s of token.stems) if (set.has(s)) return true; return false; }

  // The words a suggestion quotes, as the results write them: the shortest run of a
  // result's words that holds every query word (so «гендерної рівності», not a stem
  // and not words in two cases); else each word as some result writes it; else null.
  function quote(results, targets) {
    var best = null, texts = results.map(function (r) { return r.heading + " " + r.text; });
    texts.forEach(function (text) {
      var list = tokens(text);
      for (var a = 0; a < list.length; a++) {
        if (!hits(list[a], targets[0])) continue;
        var need = 1, b = a;
        for (var k = 1; k < targets.length; k++) {
          var j = b + 1;
          while (j < list.length && j - b <= 3 && !hits(list[j], targets[k])) j++;
          if (j < list.length && j - b <= 3) { b = j; need++; } else break;
        }
        if (need === targets.length && (!best || list[b].end - list[a].start < best.length)) best = text.slice(list[a].start, list[b].end);
      }
    });
    // A capital that only starts a sentence goes; abbreviations (ВПО) stay as written.
    if (best !== null) return best.replace(/^\p{Lu}(?=\p{Ll})/u, function (c) { return c.toLowerCase(); });
    var words = targets.map(function (set) {
      for (var t = 0; t < texts.length; t++) {
        var found = tokens(texts[t]).find(function (tok) { return hits(tok, set); });
        if (found) return texts[t].slice(found.start, found.end).replace(/^\p{Lu}(?=\p{Ll})/u, function (c) { return c.toLowerCase(); });
      }
      return null;
    });
    return words.every(function (w) { return w; }) ? words.join(" ") : null;
  }

  function search(index, query, limit, plan, options) {
    options = options || {};
    if (plan === undefined || plan === null) plan = -1;
    var parts = queryParts(query);
    if (!parts.words.length) return Promise.resolve({ empty: true, terms: new Set(), results: [], total: 0, complete: true, suggestion: null });
    return index.get("meta.json").then(function (meta) {
      var slips = layoutSlips(query).map(queryParts);
      // On the Ukrainian interface a Latin query is most often a layout slip: its re-read shards come in the same round trip.
      if (options.speculate) slips.forEach(function (p) { shardsFor(index, meta, p).catch(function () {}); });
      return shardsFor(index, meta, parts).then(function (merged) {
        var ranked = rank(meta, merged, parts, plan);
        if (ranked.complete || !slips.length) return [parts, ranked, false];
        return slips.reduce(function (chain, slip) {
          return chain.then(function (chosen) {
            if (chosen[1].complete) return chosen;
            return shardsFor(index, meta, slip).then(function (m) {
              var r = rank(meta, m, slip, plan);
              return r.complete || (!chosen[1].docs.length && r.docs.length) ? [slip, r, true] : chosen;
            });
          });
        }, Promise.resolve([parts, ranked, false]));
      }).then(function (chosen) { return draw(index, meta, chosen[0], chosen[1], chosen[2], limit, options); });
    });
  }

  // The results' chunks: those of the first results in one round trip (at most
  // FIRST_CHUNKS files, so a slow connection shows them early), then the rest.
  function draw(index, meta, parts, ranked, relaid, limit, options) {
    var top = ranked.docs.slice(0, limit), chunkOf = function (d) { return Math.floor(d / meta.chunk); };
    var first = [], shown = 0;
    while (shown < top.length && (first.indexOf(chunkOf(top[shown])) >= 0 || first.length < FIRST_CHUNKS)) {
      if (first.indexOf(chunkOf(top[shown])) < 0) first.push(chunkOf(top[shown]));
      shown++;
    }
    var loaded = new Map();
    function load(chunks) {
      return Promise.all(chunks.map(function (c) { return index.get("d/" + c + ".json").then(function (rows) { loaded.set(c, rows); }); }));
    }
    function outcome(docs) {
      var results = docs.map(function (d) {
        var row = loaded.get(chunkOf(d))[d % meta.chunk];
        var p = row[1] >= 0 ? meta.plans[row[1]] : null;
        return { id: d, kind: row[0], plan: p, planIndex: row[1], heading: row[2], text: row[3], path: row[4],
          level: p && row[5] >= 0 ? { uk: p[3][row[5]], en: p[4][row[5]] } : null, number: row[6] || "", term: row[7] || "",
          ended: !!(p && p[2]) };
      });
      return describe(parts, ranked, relaid, results, options);
    }
    return load(first).then(function () {
      if (options.partial && shown < top.length) options.partial(outcome(top.slice(0, shown)));
      var rest = top.map(chunkOf).filter(function (c, i, all) { return all.indexOf(c) === i && !loaded.has(c); });
      return load(rest);
    }).then(function () { return outcome(top); });
  }

  // Words to mark in the snippets, and the «Можливо, ви мали на увазі …» line: for a
  // layout slip, a corrected typo or a Russian word (on the Ukrainian interface), the
  // query as the results write it.
  function describe(parts, ranked, relaid, results, options) {
    var mark = new Set(), targets = [], changed = relaid;
    ranked.matches.forEach(function (m, i) {
      var set = new Set(m.terms);
      m.translations.forEach(function (t) { words(t).forEach(function (w) { wordCandidates(w).forEach(function (s) { set.add(s); }); }); });
      if (m.corrected || (m.translations.length && options.lang !== "en" && CYRILLIC.test(parts.words[i]))) changed = true;
      set.forEach(function (s) { mark.add(s); });
      if (m.terms.length) targets.push(set);
    });
    var suggestion = null;
    if (changed && results.length && targets.length) {
      var text = quote(results, targets) || (relaid && !ranked.matches.some(function (m) { return m.corrected || m.translations.length; }) ? parts.words.join(" ") : null);
      if (text) suggestion = { text: text };
    }
    return { terms: mark, results: results, total: ranked.docs.length, complete: ranked.complete, suggestion: suggestion };
  }

  // ----- the page -----

  function plural(lang, n, forms) {
    var parts = forms.split("|");
    if (parts.length !== 3) return parts[0];
    var category = new Intl.PluralRules(lang).select(n);
    return category === "one" ? parts[0] : category === "few" ? parts[1] : parts[2];
  }

  // A piece of `text` around the first matching word, matching words in <mark>.
  function snippet(text, marked, element) {
    var spans = tokens(text).filter(function (t) { return hits(t, marked); }).map(function (t) { return [t.start, t.end]; });
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
    var PAGE = 20, limit = PAGE, timer = null, generation = 0, lastQuery = null, marked = false;
    var more = document.getElementById("search-more");

    document.getElementById("search-nojs").hidden = true;
    form.hidden = false;
    index.get("meta.json").catch(function () {});   // the page preloads it: the first query then needs one round trip less

    function say(text) { if (status.textContent !== text) status.textContent = text; }

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
        } else if (r.kind === "plan" && contentLang) {
          link.textContent = r.plan[5];   // the plan's English label
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
        if (r.plan && r.kind !== "plan") {
          meta.appendChild(document.createTextNode(" · "));
          var plan = document.createElement("span");
          plan.textContent = contentLang ? r.plan[5] : r.plan[0];
          if (contentLang && plan.textContent === r.plan[0]) withLang(plan);
          meta.appendChild(plan);
        }
        if (r.plan && r.ended) meta.appendChild(document.createTextNode(" (" + data.ended + ")"));
        if (r.term) {
          meta.appendChild(document.createTextNode(" · " + data.term + ": "));
          var term = withLang(document.createElement("span"));
          term.textContent = r.term;
          meta.appendChild(term);
        }
        // On the English interface every result is Ukrainian text, and says so.
        if (contentLang) meta.appendChild(document.createTextNode(" · " + data.ukText));
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
      if (outcome.empty) say(query.trim() ? data.short : "");
      else if (!outcome.total) say(data.none.replace("{query}", query));
      else {
        var found = outcome.total + "\u00A0" + plural(lang, outcome.total, data.found);
        say(outcome.complete ? found : data.partial.replace("{count}", found));
      }
      if (!marked && outcome.results.length && window.performance && performance.mark) { performance.mark("planpress-search-results"); marked = true; }
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
      var options = { lang: lang, speculate: lang === "uk", partial: function (outcome) { if (mine === generation) show(query, outcome); } };
      return selectedPlan().then(function (plan) { return search(index, query, limit, plan, options); }).then(function (outcome) {
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

  window.PlanPressSearch = { normalise: normalise, words: words, stem: stem, candidates: candidates, terms: terms, shardKey: shardKey,
    englishStem: englishStem, relayout: function (q, ru) { return relayout(q, ru ? RU_KEYS : UK_KEYS); }, search: search, Index: Index,
    oneEdit: oneEdit };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start); else start();
})();
