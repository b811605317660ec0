/* The site's search: every node of the graph, with the page that shows it; built with the site. */
window.pftzSearch = {{ entries|jsfiledata }};
window.pftzSearchIndex = {{ index|jsfiledata }};
(function () {
  /* The ranking of the command line's `pftz search` (queries/search.py), on the index it ranks with
     (search_index): a key typed in full first, then a node's own name, title or number, then another of
     its names, then BM25 relevance (SQLite FTS5's bm25(): k1 1.2, b 0.75) per field with its weight
     (names 10, context 3, evidence 1), each word counted as typed and, if the index does not hold it,
     through the indexed words nearest to it (a typo); ties by label and key. */
  var S = window.pftzSearchIndex, E = window.pftzSearch;
  var K1 = 1.2, B = 0.75;
  var DELIM = new RegExp('[' + S.delimiters.replace(/[\\\]\[^-]/g, '\\$&') + ']');
  var QUOTES = {'\u2018': "'", '\u2019': "'", '\u201a': "'", '\u201b': "'", '\u2032': "'", '`': "'", '\u00b4': "'",
    '\u201c': '"', '\u201d': '"', '\u201e': '"', '\u2033': '"'};
  var stop = {}, known = {}, vocab = Object.keys(S.vocab).sort(), byKey = {};
  S.stop.forEach(function (w) { stop[w] = true; });
  vocab.forEach(function (w) { known[w] = true; });
  S.nodes.forEach(function (n, i) {  /* index_of(G).find(label, key): the first node of each label */
    var at = byKey[n[1]] || (byKey[n[1]] = []);
    if (!at.some(function (j) { return S.nodes[j][0] === n[0]; })) at.push(i);
  });

  function normalizeName(s) {  /* ground.names.normalize_name */
    s = s.normalize('NFKC').replace(/[\u2018\u2019\u201a\u201b\u2032`\u00b4\u201c\u201d\u201e\u2033]/g,
      function (c) { return QUOTES[c]; });
    s = s.replace(/[\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d]/g, '-').toLowerCase().replace(/'/g, '');
    s = s.replace(/[^\p{L}\p{N}\s]|_/gu, ' ').split(/\s+/).filter(Boolean).join(' ');
    return s.indexOf('the ') === 0 ? s.slice(4) : s;
  }
  function terms(text) {  /* queries.search.search_terms */
    var words = [], seen = {};
    text.toLowerCase().split(DELIM).forEach(function (w) {
      if (/^[a-z0-9]+$/.test(w) && !seen[w] && !stop[w]) { seen[w] = true; words.push(w); }
    });
    if (words.length <= S.max_words) return words;
    var keep = words.map(function (w, i) { return [w, i]; })
      .sort(function (a, b) { return b[0].length - a[0].length || a[1] - b[1]; }).slice(0, S.max_words);
    var kept = {};
    keep.forEach(function (k) { kept[k[0]] = true; });
    return words.filter(function (w) { return kept[w]; });
  }
  function maxEdits(w) { return w.length <= 3 ? 0 : w.length <= 6 ? 1 : 2; }
  function distance(a, b, k) {  /* Levenshtein, or k + 1 once it is more than k */
    if (Math.abs(a.length - b.length) > k) return k + 1;
    var prev = [], cur, i, j;
    for (j = 0; j <= b.length; j++) prev.push(j);
    for (i = 1; i <= a.length; i++) {
      cur = [i];
      var low = i;
      for (j = 1; j <= b.length; j++) {
        cur.push(Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1)));
        if (cur[j] < low) low = cur[j];
      }
      if (low > k) return k + 1;
      prev = cur;
    }
    return prev[b.length];
  }
  function near(w) {  /* the indexed words within maxEdits(w), by distance */
    var k = maxEdits(w), out = {};
    if (!k) { if (known[w]) out[0] = [w]; return out; }
    vocab.forEach(function (t) {
      var d = distance(w, t, k);
      if (d <= k) (out[d] || (out[d] = [])).push(t);
    });
    return out;
  }
  function run(words, weight, out) {  /* one FTS5 query "a" OR "b" ... on every field: weight * w * -bm25() */
    var uniq = words.filter(function (w, i) { return words.indexOf(w) === i; });
    if (!uniq.length) return;
    S.fields.forEach(function (f) {
      var w = f[0], nRow = f[1], avgdl = f[2] / f[1], post = f[3], lengths = f[4];
      var idf = [], freq = [], rows = {};
      uniq.forEach(function (t) {
        var p = post[S.vocab[t]] || [], docs = {}, nHit = 0;
        for (var i = 0; i < p.length; i += 2) { docs[p[i]] = p[i + 1]; rows[p[i]] = true; nHit++; }
        var v = Math.log((nRow - nHit + 0.5) / (nHit + 0.5));
        idf.push(v <= 0 ? 1e-6 : v);
        freq.push(docs);
      });
      Object.keys(rows).forEach(function (r) {
        var D = lengths[r], score = 0;
        for (var i = 0; i < uniq.length; i++) {
          var a = freq[i][r] || 0;
          score += idf[i] * ((a * (K1 + 1.0)) / (a + K1 * (1 - B + B * D / avgdl)));
        }
        out[r] = (out[r] || 0) + weight * w * score;
      });
    });
  }
  function scores(words) {
    var out = {}, uniq = words.filter(function (w, i) { return words.indexOf(w) === i; });
    run(uniq.filter(function (w) { return known[w]; }), 1.0, out);
    uniq.forEach(function (w) {
      var nearBy = near(w), ds = Object.keys(nearBy).map(Number).filter(Boolean);
      if (ds.length && !nearBy[0]) {
        var d = Math.min.apply(null, ds);
        run(nearBy[d], Number((1 - d / w.length).toFixed(3)), out);
      }
    });
    return out;
  }
  function cmp(a, b) { return a < b ? -1 : a > b ? 1 : 0; }
  function ranked(text) {  /* queries.search.search(G, text, limit=None): [node, tier, score], best first */
    var words = terms(text), sc = words.length ? scores(words) : {}, found = {}, order = [];
    var add = function (i, tier) { if (!(i in found)) { found[i] = [Number(i), tier, sc[i] || 0]; order.push(i); } };
    (byKey[text.trim()] || []).forEach(function (i) { add(i, 3); });
    (S.names[normalizeName(text)] || []).forEach(function (m) { add(m[0], m[1]); });
    Object.keys(sc).forEach(function (i) { add(i, 0); });
    var nodeId = function (h) { return S.nodes[h[0]][0] + ':' + S.nodes[h[0]][1]; };
    var hits = order.map(function (i) { return found[i]; });
    hits.sort(function (a, b) {
      return b[1] - a[1] || b[2] - a[2] || cmp(S.nodes[a[0]][0], S.nodes[b[0]][0]) || cmp(nodeId(a), nodeId(b));
    });
    hits = hits.slice(0, S.candidates).map(function (h) { return [h[0], h[1], Number(h[2].toFixed(3))]; });
    hits.sort(function (a, b) {
      return b[1] - a[1] || b[2] - a[2] || cmp(S.nodes[a[0]][0], S.nodes[b[0]][0])
        || cmp(S.nodes[a[0]][1], S.nodes[b[0]][1]);
    });
    return hits;
  }
  function partial(text, skip) {
    /* Then names holding every typed word as a part (a word being typed: "shangh"), so that the box answers
       while one types: names starting with the first word first, zones before measures, documents and the
       rest, shorter names first. */
    var words = text.toLowerCase().split(/[^a-z0-9\u3400-\u9fff]+/).filter(Boolean), out = [];
    if (!words.length) return [];
    E.forEach(function (e, i) {
      if (skip[i]) return;
      var name = e[0].toLowerCase(), hay = name + ' ' + e[3].toLowerCase();
      if (!words.every(function (w) { return hay.indexOf(w) >= 0; })) return;
      out.push([name.indexOf(words[0]) === 0 ? 0 : 1, e[4], e[0].length, e[0], i]);
    });
    out.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1] || a[2] - b[2] || cmp(a[3], b[3]); });
    return out.map(function (h) { return h[4]; });
  }
  function hits(text, most) {
    var first = ranked(text).map(function (h) { return h[0]; }), seen = {};
    first.forEach(function (i) { seen[i] = true; });
    return first.concat(partial(text, seen)).slice(0, most || 15).map(function (i) { return E[i]; });
  }
  function init() {
    var box = document.getElementById('pftz-search'), list = document.getElementById('pftz-hits');
    if (!box || !list) return;
    var root = window.pftzRoot || '';
    box.addEventListener('input', function () {
      list.textContent = '';
      hits(box.value).forEach(function (e) {
        var li = document.createElement('li'), a = document.createElement('a'), kind = document.createElement('span');
        a.href = root + e[2]; a.textContent = e[0];
        kind.className = 'kind'; kind.textContent = ' ' + e[1];
        li.appendChild(a); li.appendChild(kind); list.appendChild(li);
      });
    });
    box.addEventListener('keydown', function (ev) {
      var first = list.querySelector('a');
      if (ev.key === 'Enter' && first) window.location.href = first.href;
    });
  }
  window.pftzSearchHits = hits;
  /* For the tests: the command line's ranking, as [label, key, match tier, score]. */
  window.pftzSearchRanked = function (text) {
    return ranked(text).map(function (h) { return [S.nodes[h[0]][0], S.nodes[h[0]][1], h[1], h[2]]; });
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init); else init();
})();
