// name: search_measures
// description: Measures whose name, title or text contain every word of a search (case-insensitive), best first.
//  The full-text index measure_text finds the candidates. score = 4 per word found as a whole word (no ASCII
//  letter or digit next to it), + 2 if the words occur in order as whole words with only other characters
//  between them, + 1 if they all occur in the name; ties in key order.
// params: words (str) — a few words, e.g. smart form; only words of ASCII letters and digits count
// columns: measure_key, measure, kind, score
// example: words=ship supervision
WITH [w IN split(toLower($words), ['\t', '\n', '\r', ' ', '\u00A0', '\u3000', '!', '"', '#', '$', '%', '&', '\'', '(', ')', '*', '+', ',', '-', '.', '/', ':', ';', '<', '=', '>', '?', '@', '[', '\\', ']', '^', '_', '`', '{', '|', '}', '~', '–', '—', '‘', '’', '“', '”', '…', '·', '，', '。', '、', '：', '；', '（', '）', '《', '》', '〔', '〕', '【', '】', '！', '？']) WHERE w =~ '[a-z0-9]+'] AS words
WHERE size(words) > 0
CALL db.index.fulltext.queryNodes('measure_text', reduce(q = '', w IN words | q + ' +*' + w + '*'))
YIELD node AS m
WITH m, words, [f IN [m.name, m.title, m.text] | toLower(coalesce(f, ''))] AS fields
WHERE all(w IN words WHERE any(f IN fields WHERE f CONTAINS w))
// A word is whole where no ASCII letter or digit touches it; a phrase is the words in order, apart.
WITH m, words, fields,
     '(?s)(.*[^a-z0-9])?' + reduce(s = head(words), w IN tail(words) | s + '[^a-z0-9]+' + w) + '([^a-z0-9].*)?'
     AS phrase
RETURN m.key AS measure_key, m.name AS measure, m.kind AS kind,
       4 * size([w IN words WHERE any(f IN fields WHERE f =~ '(?s)(.*[^a-z0-9])?' + w + '([^a-z0-9].*)?')])
       + CASE WHEN any(f IN fields WHERE f =~ phrase) THEN 2 ELSE 0 END
       + CASE WHEN all(w IN words WHERE fields[0] CONTAINS w) THEN 1 ELSE 0 END AS score
ORDER BY score DESC, measure_key
