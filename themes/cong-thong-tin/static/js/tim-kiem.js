// Search page of the portal (/tim-kiem/): reads the index that `loa build` writes under
// /tim-kiem/ (see src/search.rs for its layout) and shows results as the person types.
// Folding and word splitting mirror src/search.rs and src/slug.rs: NFD, combining
// marks removed, đ/Đ -> d, lowercase; words are runs of letters, digits and marks, and
// two words stand together (an adjacent pair, how Vietnamese writes a word of two
// syllables) when only whitespace separates them.
// Ranking, best first: the query's words standing together in the page, in order;
// the tones the person typed; the title above the summary above the body; the newest.
// Nothing here parses HTML: every text from the index goes in as a text node.
(function () {
  'use strict';

  var BASE = '/tim-kiem/';
  var FORMAT = 3;
  var PER_PAGE = 10;
  var DEBOUNCE_MS = 250;
  var SNIPPET_WORDS = 30;
  var WORD = /[\p{Alphabetic}\p{N}\p{M}]+/gu;
  var MARKS = /\p{M}/gu;
  // Rust's char::is_whitespace (Unicode White_Space), not JavaScript's \s.
  var SPACE = /^[\t-\r \u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]+$/;
  var QUOTES = /["“”„«»]/;
  // Score weights: a pair of the query's words standing together outweighs the same
  // words scattered even in the title; a word with the tones typed outweighs a folded one.
  var PAIR = 100;
  var TONE = 60;

  // --- text ----------------------------------------------------------------------

  function fold(text) {
    return text.normalize('NFD').replace(MARKS, '').replace(/[đĐ]/g, 'd').toLowerCase();
  }

  function charCount(s) {
    return Array.from(s).length;
  }

  // The tokens of `text` as src/search.rs makes them: {folded, spelling, start, end,
  // linked}, `linked` when only whitespace separates it from the token before.
  // Overlong words are left out and break the chain, as punctuation does.
  function tokenize(text, maxChars) {
    var out = [];
    var prevEnd = -1;
    var re = new RegExp(WORD.source, 'gu');
    var m;
    while ((m = re.exec(text)) !== null) {
      var w = m[0];
      var end = m.index + w.length;
      if (charCount(w) > maxChars) {
        prevEnd = -1;
        continue;
      }
      var linked = prevEnd >= 0 && SPACE.test(text.slice(prevEnd, m.index));
      var folded = fold(w);
      prevEnd = folded ? end : -1;
      if (folded) {
        out.push({ folded: folded, spelling: w.toLowerCase(), start: m.index, end: end, linked: linked });
      }
    }
    return out;
  }

  function toned(t) {
    return t.spelling !== t.folded;
  }

  function pairOf(a, b) {
    return {
      folded: a.folded + ' ' + b.folded,
      spelling: a.spelling + ' ' + b.spelling,
      prefix: b.prefix,
      toned: toned(a) || toned(b),
    };
  }

  function qtoken(t) {
    return { folded: t.folded, spelling: t.spelling, prefix: false, linked: t.linked };
  }

  // An alternative of a clause: words in order; `strict` when its linked words must
  // stand together (a quoted phrase, the spoken form of an abbreviation).
  function alt(tokens, strict, bonus) {
    var pairs = [];
    for (var i = 1; i < tokens.length; i++) {
      if (tokens[i].linked) {
        pairs.push(pairOf(tokens[i - 1], tokens[i]));
      }
    }
    if (strict) {
      // Its words are marked in a page only where they stand together as in the phrase.
      tokens.forEach(function (t) {
        t.phrase = tokens;
      });
    }
    return { tokens: tokens, pairs: pairs, strict: strict, bonus: bonus || 0 };
  }

  // The query as clauses, every one of which a page must match: a word, or a quoted
  // phrase; each with its alternatives (an abbreviation and its spoken form, from the
  // glossary in the manifest). `pairs` are the linked pairs of words between clauses,
  // which rank a page up when they stand together in it.
  function parseQuery(query, maxChars, abbr) {
    var parts = query.normalize('NFC').split(QUOTES);
    var clauses = [];
    var seen = new Set();
    parts.forEach(function (part, n) {
      var tokens = tokenize(part, maxChars).map(qtoken);
      if (!tokens.length) {
        return;
      }
      if (n % 2 === 1 && tokens.length > 1) {
        tokens[0].linked = false;
        clauses.push({ quoted: true, text: part.trim(), alts: [alt(tokens, true)] });
        return;
      }
      tokens.forEach(function (t, i) {
        var key = t.folded + '\u0000' + t.spelling;
        if (seen.has(key)) {
          return;
        }
        seen.add(key);
        t.linked = i > 0 && t.linked;
        clauses.push({ quoted: false, text: t.spelling, alts: [alt([t], false)] });
      });
      // Only the last word of the query, typed on (no space or quote after it), is a prefix.
      if (n === parts.length - 1 && n % 2 === 0 && !/\s$/.test(part) && clauses.length) {
        var last = clauses[clauses.length - 1];
        if (!last.quoted && last.alts[0].tokens[0] === tokens[tokens.length - 1]) {
          var t = last.alts[0].tokens[0];
          t.prefix = charCount(t.folded) >= 2;
        }
      }
    });
    expandAbbreviations(clauses, maxChars, abbr || {});
    var pairs = [];
    for (var i = 1; i < clauses.length; i++) {
      var a = clauses[i - 1].alts[0].tokens;
      var b = clauses[i].alts[0].tokens;
      if (b[0].linked && !clauses[i].quoted && !clauses[i - 1].quoted) {
        pairs.push(pairOf(a[a.length - 1], b[0]));
      }
    }
    return { clauses: clauses, pairs: pairs };
  }

  // "BNN" also finds "bệnh nghề nghiệp"; the words "bệnh nghề nghiệp" (as a run of
  // words, or a quoted phrase) also find "BNN". A page writing the abbreviation ranks
  // as if it wrote the phrase.
  function expandAbbreviations(clauses, maxChars, abbr) {
    var spoken = Object.keys(abbr).map(function (key) {
      var words = tokenize(abbr[key], maxChars).map(qtoken);
      if (words.length) {
        words[0].linked = false;
      }
      return { key: key, words: words };
    });
    function abbrToken(key, n) {
      return alt([{ folded: key, spelling: key, prefix: false, linked: false }], false, PAIR * n);
    }
    function links(words) {
      return words.filter(function (w) {
        return w.linked;
      }).length;
    }
    clauses.forEach(function (c) {
      var t = c.alts[0].tokens;
      if (!c.quoted && Object.prototype.hasOwnProperty.call(abbr, t[0].folded)) {
        var words = tokenize(abbr[t[0].folded], maxChars).map(qtoken);
        if (words.length) {
          words[0].linked = false;
          c.alts.push(alt(words, true));
        }
      }
    });
    spoken.forEach(function (s) {
      var n = s.words.length;
      if (n < 2) {
        return;
      }
      var same = function (t, i) {
        return t.folded === s.words[i].folded;
      };
      for (var i = 0; i < clauses.length; i++) {
        var c = clauses[i];
        if (c.quoted && c.alts[0].tokens.length === n && c.alts[0].tokens.every(same)) {
          c.alts.push(abbrToken(s.key, links(s.words)));
          continue;
        }
        var run = clauses.slice(i, i + n);
        var words = run.map(function (r) {
          return r.quoted || r.alts.length > 1 ? null : r.alts[0].tokens[0];
        });
        if (run.length === n && words.every(function (w, j) { return w && same(w, j); })) {
          clauses.splice(i, n, {
            quoted: false,
            text: words.map(function (w) { return w.spelling; }).join(' '),
            alts: [alt(words, false), abbrToken(s.key, links(s.words))],
          });
        }
      }
    });
  }

  // Every word token of a query, for fetching shards and marking words.
  function queryTokens(parsed) {
    var out = [];
    parsed.clauses.forEach(function (c) {
      c.alts.forEach(function (a) {
        a.tokens.forEach(function (t) {
          out.push(t);
        });
      });
    });
    return out;
  }

  // Every pair of a query, for fetching pair shards.
  function queryPairs(parsed) {
    var out = parsed.pairs.slice();
    parsed.clauses.forEach(function (c) {
      c.alts.forEach(function (a) {
        a.pairs.forEach(function (p) {
          out.push(p);
        });
      });
    });
    return out;
  }

  function tokenMatches(token, foldedWord) {
    return token.prefix ? foldedWord.startsWith(token.folded) : foldedWord === token.folded;
  }

  function spellingMatches(token, spelling) {
    return token.prefix ? spelling.startsWith(token.spelling) : spelling === token.spelling;
  }

  if (typeof document === 'undefined') {
    // Loaded outside a page (the CI check that the tokenizers agree): offer the text rules.
    globalThis.loaTimKiem = { fold: fold, tokenize: tokenize, parseQuery: parseQuery };
    return;
  }

  var box = document.getElementById('tim-kiem-khung');
  var form = document.getElementById('tim-kiem');
  var input = document.getElementById('tim-kiem-q');
  var kindSelect = document.getElementById('tim-kiem-loai');
  var status = document.getElementById('tim-kiem-trang-thai');
  var list = document.getElementById('tim-kiem-ket-qua');
  var more = document.getElementById('tim-kiem-them');
  var noJs = document.getElementById('tim-kiem-khong-js');
  if (!box || !form || !input || !kindSelect || !status || !list || !more) {
    return;
  }

  // --- marking matched words ------------------------------------------------------

  // The words of `text` with their offsets and the query token each matches (-1: none).
  // A token in `exact` (typed with tones the page also has) marks only those spellings.
  function scan(text, tokens, exact, maxChars) {
    var words = tokenize(text, maxChars);
    var inPhrase = phraseWords(words, tokens);
    return words.map(function (w, n) {
      var hit = -1;
      for (var i = 0; i < tokens.length; i++) {
        var t = tokens[i];
        if (t.phrase && !inPhrase.get(t.phrase).has(n)) {
          continue;
        }
        if (tokenMatches(t, w.folded) && (!exact.has(i) || spellingMatches(t, w.spelling))) {
          hit = i;
          break;
        }
      }
      return { start: w.start, end: w.end, hit: hit };
    });
  }

  // phrase -> indexes of the words of `words` that are part of one of its occurrences
  // (its words in order, linked where the phrase links them).
  function phraseWords(words, tokens) {
    var out = new Map();
    tokens.forEach(function (t) {
      var phrase = t.phrase;
      if (!phrase || out.has(phrase)) {
        return;
      }
      var found = new Set();
      for (var i = 0; i + phrase.length <= words.length; i++) {
        var whole = phrase.every(function (p, j) {
          var w = words[i + j];
          return tokenMatches(p, w.folded) && (j === 0 || !p.linked || w.linked);
        });
        if (whole) {
          for (var j = 0; j < phrase.length; j++) {
            found.add(i + j);
          }
        }
      }
      out.set(phrase, found);
    });
    return out;
  }

  // Indexes of the tokens typed with tones that the page has with those tones: only
  // those spellings are marked in it.
  function exactTokens(doc, tokens, maxChars) {
    var exact = new Set();
    var words = tokenize(doc.title + ' ' + doc.summary + ' ' + doc.body, maxChars);
    tokens.forEach(function (t, i) {
      if (
        toned(t) &&
        words.some(function (w) {
          return tokenMatches(t, w.folded) && spellingMatches(t, w.spelling);
        })
      ) {
        exact.add(i);
      }
    });
    return exact;
  }

  // Text cut into [text, marked] pieces, with the window of `maxWords` words that holds
  // the most different query words. Returns null when no word matches.
  function highlight(text, tokens, exact, maxChars, maxWords) {
    var words = scan(text, tokens, exact, maxChars);
    var hits = [];
    words.forEach(function (w, i) {
      if (w.hit >= 0) {
        hits.push(i);
      }
    });
    if (!hits.length) {
      return null;
    }
    var from = 0;
    var to = words.length;
    if (words.length > maxWords) {
      var best = -1;
      hits.forEach(function (h) {
        var start = Math.max(0, Math.min(h - 4, words.length - maxWords));
        var distinct = new Set();
        var count = 0;
        for (var i = start; i < start + maxWords; i++) {
          if (words[i].hit >= 0) {
            distinct.add(words[i].hit);
            count++;
          }
        }
        var score = distinct.size * 1000 + count;
        if (score > best) {
          best = score;
          from = start;
        }
      });
      to = from + maxWords;
    }
    var pieces = [];
    var at = from === 0 ? 0 : words[from].start;
    if (from > 0) {
      pieces.push(['… ', false]);
    }
    for (var i = from; i < to; i++) {
      var w = words[i];
      if (w.hit >= 0) {
        if (w.start > at) {
          pieces.push([text.slice(at, w.start), false]);
        }
        pieces.push([text.slice(w.start, w.end), true]);
        at = w.end;
      }
    }
    var end = to === words.length ? text.length : words[to - 1].end;
    if (end > at) {
      pieces.push([text.slice(at, end), false]);
    }
    if (to < words.length) {
      pieces.push([' …', false]);
    }
    return pieces;
  }

  function appendPieces(parent, pieces) {
    pieces.forEach(function (p) {
      if (p[1]) {
        var mark = document.createElement('mark');
        mark.textContent = p[0];
        parent.appendChild(mark);
      } else {
        parent.appendChild(document.createTextNode(p[0]));
      }
    });
  }

  // "2025-11-01" -> "1/11/2025", as the theme's date_short filter writes dates.
  function shortDate(iso) {
    var parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || '');
    return parts ? Number(parts[3]) + '/' + Number(parts[2]) + '/' + parts[1] : '';
  }

  function number(n) {
    return n.toLocaleString('vi-VN');
  }

  // --- index ---------------------------------------------------------------------

  var cache = new Map();

  function fetchJson(path) {
    if (!cache.has(path)) {
      var p = fetch(BASE + path).then(function (res) {
        if (!res.ok) {
          throw new Error(path + ': ' + res.status);
        }
        return res.json();
      });
      p.catch(function () {
        cache.delete(path);
      });
      cache.set(path, p);
    }
    return cache.get(path);
  }

  function shardFile(key) {
    return Array.from(key)
      .map(function (c) {
        return /^[a-z0-9]$/.test(c) ? c : '_' + c.codePointAt(0).toString(16) + '_';
      })
      .join('');
  }

  // Keys of the shards that can hold a token (or pair): the longest key that begins it
  // (its shard), and for a prefix every key that begins with it.
  function shardKeys(keys, token) {
    var longest = null;
    var out = [];
    (keys || []).forEach(function (k) {
      if (token.folded.startsWith(k) && (longest === null || k.length > longest.length)) {
        longest = k;
      } else if (token.prefix && k.startsWith(token.folded)) {
        out.push(k);
      }
    });
    if (longest !== null) {
      out.push(longest);
    }
    return out;
  }

  // Where a word occurs, from its posting code: title > summary > body.
  function fieldScore(code) {
    var body = code >> 2;
    return (code & 2 ? 20 : 0) + (code & 1 ? 6 : 0) + (body ? 1 + Math.min(body, 20) / 20 : 0);
  }

  // doc id -> best score of a token (or pair) over the spellings it matches. A pair
  // found counts PAIR; the tones typed, found, count TONE; a longer word completing a
  // prefix counts half its field score.
  function tokenScores(token, shards, pair) {
    var scores = new Map();
    var base = pair ? PAIR : 0;
    var step = pair ? 1 : 2;
    var tones = toned(token) || token.toned;
    shards.forEach(function (shard) {
      Object.keys(shard).forEach(function (folded) {
        if (!tokenMatches(token, folded)) {
          return;
        }
        var whole = folded === token.folded;
        var spellings = shard[folded];
        Object.keys(spellings).forEach(function (spelling) {
          var extra = base + (tones && spellingMatches(token, spelling) ? TONE : 0);
          var postings = spellings[spelling];
          var id = 0;
          for (var i = 0; i < postings.length; i += step) {
            // A word's posting is `gap, code`; a pair's one number, gap * 4 + code.
            var code = pair ? postings[i] & 3 || 4 : postings[i + 1];
            id += pair ? postings[i] >> 2 : postings[i];
            var s = extra + fieldScore(code) * (whole ? 1 : 0.5);
            if (s > (scores.get(id) || 0)) {
              scores.set(id, s);
            }
          }
        });
      });
    });
    return scores;
  }

  function smallest(maps) {
    return maps.reduce(function (a, b) {
      return b.size < a.size ? b : a;
    });
  }

  // doc id -> score of one alternative: every word in the page, and for a strict one
  // every pair; pairs found add their score either way.
  function altScores(a) {
    var found = new Map();
    if (a.strict && a.pairs.some(function (p) { return !p.scores.size; })) {
      return found;
    }
    var maps = a.tokens.map(function (t) {
      return t.scores;
    });
    smallest(maps).forEach(function (_, id) {
      var total = a.bonus;
      for (var i = 0; i < maps.length; i++) {
        var s = maps[i].get(id);
        if (s === undefined) {
          return;
        }
        total += s;
      }
      for (var j = 0; j < a.pairs.length; j++) {
        var p = a.pairs[j].scores.get(id);
        if (p === undefined && a.strict) {
          return;
        }
        total += p || 0;
      }
      found.set(id, total);
    });
    return found;
  }

  // Every page matching all the clauses, best first: [{id, score}]. Each clause learns
  // how many pages match it alone (`found`), and whether its words exist at all
  // (`wordsFound`), so the page can say why nothing was found.
  function rank(parsed) {
    var maps = parsed.clauses.map(function (c) {
      var best = new Map();
      c.alts.forEach(function (a) {
        altScores(a).forEach(function (s, id) {
          if (s > (best.get(id) || 0)) {
            best.set(id, s);
          }
        });
      });
      c.found = best.size;
      c.wordsFound = c.alts[0].tokens.every(function (t) {
        return t.scores.size > 0;
      });
      return best;
    });
    var results = [];
    smallest(maps).forEach(function (_, id) {
      var total = 0;
      for (var i = 0; i < maps.length; i++) {
        var s = maps[i].get(id);
        if (s === undefined) {
          return;
        }
        total += s;
      }
      parsed.pairs.forEach(function (p) {
        total += p.scores.get(id) || 0;
      });
      results.push({ id: id, score: total });
    });
    // Ids go from the oldest page to the newest: equal scores show the newest first.
    results.sort(function (a, b) {
      return b.score - a.score || b.id - a.id;
    });
    return results;
  }

  function shardsOf(dir, keys, token) {
    return Promise.all(
      shardKeys(keys, token).map(function (k) {
        return fetchJson(dir + '/' + shardFile(k) + '.json');
      })
    );
  }

  // Fetch the shards of every word and pair of the query, score them, rank the pages.
  function find(m, query) {
    var parsed = parseQuery(query, m.token_chars, m.abbr);
    if (!parsed.clauses.length) {
      return Promise.resolve({ parsed: parsed, tokens: [], results: [] });
    }
    var tokens = queryTokens(parsed);
    var pairs = queryPairs(parsed);
    return Promise.all([
      Promise.all(
        tokens.map(function (t) {
          return shardsOf('shards', m.shards, t);
        })
      ),
      Promise.all(
        pairs.map(function (p) {
          return shardsOf('pairs', m.pair_shards, p);
        })
      ),
    ]).then(function (got) {
      tokens.forEach(function (t, i) {
        t.scores = tokenScores(t, got[0][i], false);
      });
      pairs.forEach(function (p, i) {
        p.scores = tokenScores(p, got[1][i], true);
      });
      return { parsed: parsed, tokens: tokens, results: rank(parsed) };
    });
  }

  // Why a search found nothing, in a sentence the person can act on.
  function whyNothing(parsed) {
    if (!parsed || !parsed.clauses.length) {
      return 'Từ khóa không có chữ hay số nào để tìm; hãy gõ ít nhất một từ.';
    }
    var missing = parsed.clauses.filter(function (c) {
      return !c.found;
    });
    if (missing.length) {
      var c = missing[0];
      if (c.quoted && c.wordsFound) {
        return (
          'Các từ trong “' + c.text + '” đều có trên cổng thông tin, nhưng không trang nào viết chúng ' +
          'liền nhau theo đúng thứ tự đó. Bỏ dấu ngoặc kép để tìm các từ ở bất kỳ đâu trong trang.'
        );
      }
      return (
        'Không trang nào có ' + (c.quoted ? 'cụm từ' : 'từ') + ' “' + c.text + '”. ' +
        'Hãy kiểm tra chính tả, hoặc thử từ khác cùng nghĩa.'
      );
    }
    return 'Mỗi từ đều có trên cổng thông tin, nhưng không trang nào có đủ tất cả các từ. Hãy bớt từ để có kết quả.';
  }

  // --- page ----------------------------------------------------------------------

  var manifest = null;
  var state = { query: '', kind: '', tokens: [], parsed: null, all: 0, results: [], shown: 0 };
  var run = 0;
  var timer = null;

  function loadManifest() {
    return fetchJson('index.json').then(function (m) {
      if (m.format !== FORMAT) {
        throw new Error('index format ' + m.format);
      }
      if (manifest === null) {
        manifest = m;
        fillKinds();
      }
      return m;
    });
  }

  function fillKinds() {
    var present = new Set(manifest.kind);
    var wanted = state.kind;
    manifest.kinds.forEach(function (k, i) {
      if (!present.has(i)) {
        return;
      }
      var opt = document.createElement('option');
      opt.value = k.id;
      opt.textContent = k.label;
      kindSelect.appendChild(opt);
    });
    kindSelect.value = wanted;
    if (kindSelect.value !== wanted) {
      kindSelect.value = '';
      state.kind = '';
    }
  }

  function kindLabel(id) {
    var k = manifest.kinds.find(function (x) {
      return x.id === id;
    });
    return k ? k.label : id;
  }

  // Match counts per kind in the option labels: "Tin tức (12)".
  function labelKinds(all) {
    var counts = new Map();
    all.forEach(function (r) {
      var id = manifest.kinds[manifest.kind[r.id]].id;
      counts.set(id, (counts.get(id) || 0) + 1);
    });
    Array.from(kindSelect.options).forEach(function (opt) {
      var name = opt.value ? kindLabel(opt.value) : 'Tất cả';
      var n = opt.value ? counts.get(opt.value) || 0 : all.length;
      opt.textContent = state.tokens.length ? name + ' (' + number(n) + ')' : name;
    });
  }

  function readUrl() {
    var params = new URLSearchParams(window.location.search);
    state.query = params.get('q') || '';
    state.kind = params.get('loai') || '';
    input.value = state.query;
    // Before the manifest fills the kinds, the select cannot hold the filter yet.
    kindSelect.value = state.kind;
  }

  function writeUrl() {
    var params = new URLSearchParams();
    if (state.query.trim()) {
      params.set('q', state.query.trim());
    }
    if (state.kind) {
      params.set('loai', state.kind);
    }
    var search = params.toString();
    var url = window.location.pathname + (search ? '?' + search : '');
    if (url !== window.location.pathname + window.location.search) {
      window.history.replaceState(null, '', url);
    }
  }

  function say(text) {
    status.textContent = text;
  }

  function clearResults() {
    while (list.firstChild) {
      list.removeChild(list.firstChild);
    }
    more.hidden = true;
  }

  function search() {
    var mine = ++run;
    state.query = input.value;
    writeUrl();
    if (!state.query.trim()) {
      state.tokens = [];
      state.results = [];
      clearResults();
      if (manifest) {
        labelKinds([]);
      }
      say('');
      return Promise.resolve();
    }
    window.setTimeout(function () {
      if (mine === run && !list.firstChild) {
        say('Đang tìm…');
      }
    }, 600);
    return loadManifest()
      .then(function (m) {
        return find(m, state.query);
      })
      .then(function (found) {
        if (mine !== run) {
          return null;
        }
        state.tokens = found.tokens;
        state.parsed = found.parsed;
        state.all = found.results.length;
        labelKinds(found.results);
        state.results = state.kind
          ? found.results.filter(function (r) {
              return manifest.kinds[manifest.kind[r.id]].id === state.kind;
            })
          : found.results;
        state.shown = 0;
        return showMore(mine, false);
      })
      .catch(function () {
        if (mine === run) {
          clearResults();
          say('Không tải được dữ liệu tìm kiếm. Hãy kiểm tra kết nối mạng rồi thử lại.');
        }
      });
  }

  function resultItem(doc, id, tokens) {
    var li = document.createElement('li');
    var h = document.createElement('h2');
    var a = document.createElement('a');
    a.href = doc.url;
    var max = manifest.token_chars;
    var exact = exactTokens(doc, tokens, max);
    appendPieces(a, highlight(doc.title, tokens, exact, max, Infinity) || [[doc.title, false]]);
    h.appendChild(a);
    li.appendChild(h);
    var meta = document.createElement('p');
    meta.className = 'tim-kiem-loai';
    meta.appendChild(document.createTextNode(kindLabel(manifest.kinds[manifest.kind[id]].id)));
    if (doc.date) {
      meta.appendChild(document.createTextNode(' · '));
      var time = document.createElement('time');
      time.dateTime = doc.date;
      time.textContent = shortDate(doc.date);
      meta.appendChild(time);
    }
    li.appendChild(meta);
    var pieces =
      highlight(doc.body, tokens, exact, max, SNIPPET_WORDS) ||
      highlight(doc.summary, tokens, exact, max, SNIPPET_WORDS) ||
      [[doc.summary, false]];
    var p = document.createElement('p');
    appendPieces(p, pieces);
    li.appendChild(p);
    return li;
  }

  // Show the next page of results; `focus` moves focus to the first new one.
  function showMore(mine, focus) {
    var from = state.shown;
    var slice = state.results.slice(from, from + PER_PAGE);
    return Promise.all(
      slice.map(function (r) {
        // Pages are stored a few to a file: docs/<id / per>.json, entry id % per.
        var per = manifest.docs_per_file;
        return fetchJson('docs/' + Math.floor(r.id / per) + '.json').then(function (chunk) {
          return chunk[r.id % per];
        });
      })
    ).then(function (docs) {
      if (mine !== run) {
        return;
      }
      if (from === 0) {
        clearResults();
      }
      var first = null;
      docs.forEach(function (doc, i) {
        var li = resultItem(doc, slice[i].id, state.tokens);
        first = first || li;
        list.appendChild(li);
      });
      state.shown = from + docs.length;
      more.hidden = state.shown >= state.results.length;
      announce();
      if (focus && first) {
        first.querySelector('a').focus();
      }
    });
  }

  function announce() {
    var q = '“' + state.query.trim() + '”';
    var kind = state.kind ? ' trong mục ' + kindLabel(state.kind) : '';
    var n = state.results.length;
    if (!n) {
      var why =
        state.kind && state.all
          ? 'Có ' + number(state.all) + ' kết quả ở các loại nội dung khác; chọn “Tất cả” để xem.'
          : whyNothing(state.parsed);
      say('Không tìm thấy kết quả nào cho ' + q + kind + '. ' + why);
    } else if (state.shown < n) {
      say('Tìm thấy ' + number(n) + ' kết quả cho ' + q + kind + ', đang hiện ' + number(state.shown) + '.');
    } else {
      say('Tìm thấy ' + number(n) + ' kết quả cho ' + q + kind + '.');
    }
  }

  function schedule() {
    window.clearTimeout(timer);
    timer = window.setTimeout(search, DEBOUNCE_MS);
  }

  form.addEventListener('submit', function (e) {
    e.preventDefault();
    window.clearTimeout(timer);
    search();
  });
  input.addEventListener('input', schedule);
  // Fetch the manifest as soon as the person shows an intent to search.
  input.addEventListener('focus', function () {
    loadManifest().catch(function () {});
  });
  kindSelect.addEventListener('change', function () {
    state.kind = kindSelect.value;
    window.clearTimeout(timer);
    search();
  });
  more.addEventListener('click', function () {
    showMore(run, true);
  });
  window.addEventListener('popstate', function () {
    readUrl();
    search();
  });

  if (noJs) {
    noJs.hidden = true;
  }
  box.hidden = false;
  readUrl();
  if (state.query.trim()) {
    search();
  }
})();
