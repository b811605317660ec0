/* The site's search: every node of the graph, with the page that shows it; built with the site. */
window.pftzSearch = {{ entries|jsfiledata }};
(function () {
  /* Every typed word must occur in the name or key (so "shanxi" never finds "shanghai"). Hits are scored
     as the command line's search scores measures: 4 for each word found whole in the name, 2 when the words appear as
     a phrase, 1 when all are in the name; then names that start with the first word, zones before measures,
     documents and the rest, and shorter names. */
  function hits(text) {
    var words = text.toLowerCase().split(/[^a-z0-9\u3400-\u9fff]+/).filter(Boolean);
    if (!words.length) return [];
    var whole = words.map(function (w) { return new RegExp('(^|[^a-z0-9])' + w + '([^a-z0-9]|$)'); });
    var phrase = new RegExp(words.join('[^a-z0-9]+'));
    var out = [];
    window.pftzSearch.forEach(function (e) {
      var name = e[0].toLowerCase(), hay = name + ' ' + e[3].toLowerCase();
      if (!words.every(function (w) { return hay.indexOf(w) >= 0; })) return;
      // whole words count in the name only: a key is a slug, cut anywhere ("...-in-shangh")
      var score = whole.filter(function (r) { return r.test(name); }).length * 4
        + (phrase.test(hay) ? 2 : 0) + (words.every(function (w) { return name.indexOf(w) >= 0; }) ? 1 : 0);
      out.push([-score, name.indexOf(words[0]) === 0 ? 0 : 1, e[4], e[0].length, e]);
    });
    out.sort(function (a, b) {
      return a[0] - b[0] || a[1] - b[1] || a[2] - b[2] || a[3] - b[3] || (a[4][0] < b[4][0] ? -1 : 1);
    });
    return out.slice(0, 15).map(function (h) { return h[4]; });
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
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init); else init();
})();
