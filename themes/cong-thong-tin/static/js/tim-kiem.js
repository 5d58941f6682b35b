// Search page of the portal (/tim-kiem/): reads the index that `loa build` writes under
// /tim-kiem/ (see src/search.rs for its layout) and shows results as the person types.
// Folding and word splitting mirror src/search.rs and src/slug.rs: NFD, combining
// marks removed, đ/Đ -> d, lowercase; words are runs of letters, digits and marks.
// Nothing here parses HTML: every text from the index goes in as a text node.
(function () {
  'use strict';

  var BASE = '/tim-kiem/';
  var FORMAT = 2;
  var PER_PAGE = 10;
  var DEBOUNCE_MS = 250;
  var SNIPPET_WORDS = 30;
  var WORD = /[\p{Alphabetic}\p{N}\p{M}]+/gu;
  var MARKS = /\p{M}/gu;

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

  // --- text ----------------------------------------------------------------------

  function fold(text) {
    return text.normalize('NFD').replace(MARKS, '').replace(/[đĐ]/g, 'd').toLowerCase();
  }

  function charCount(s) {
    return Array.from(s).length;
  }

  // Query tokens: {folded, spelling, prefix}. The last word matches by prefix while the
  // person is still typing it (no space after it) and has at least two letters.
  function queryTokens(query, maxChars) {
    var words = query.normalize('NFC').match(WORD) || [];
    var tokens = [];
    words.forEach(function (w) {
      if (charCount(w) > maxChars) {
        return;
      }
      var folded = fold(w);
      if (folded) {
        tokens.push({ folded: folded, spelling: w.toLowerCase(), prefix: false });
      }
    });
    if (tokens.length && !/\s$/.test(query)) {
      var last = tokens[tokens.length - 1];
      last.prefix = charCount(last.folded) >= 2;
    }
    // A word given twice counts once; its last mention decides whether it is a prefix.
    var seen = new Map();
    tokens.forEach(function (t) {
      seen.set(t.folded + '\u0000' + t.spelling, t);
    });
    return Array.from(seen.values());
  }

  function tokenMatches(token, foldedWord) {
    return token.prefix ? foldedWord.startsWith(token.folded) : foldedWord === token.folded;
  }

  // The words of `text` with their offsets and the query token each matches (-1: none).
  function scan(text, tokens) {
    var out = [];
    var m;
    WORD.lastIndex = 0;
    while ((m = WORD.exec(text)) !== null) {
      var f = fold(m[0]);
      var hit = -1;
      for (var i = 0; i < tokens.length; i++) {
        if (tokenMatches(tokens[i], f)) {
          hit = i;
          break;
        }
      }
      out.push({ start: m.index, end: m.index + m[0].length, hit: hit });
    }
    return out;
  }

  // Text cut into [text, marked] pieces, with the window of `maxWords` words that holds
  // the most different query words. Returns null when no word matches.
  function highlight(text, tokens, maxWords) {
    var words = scan(text, tokens);
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

  // Keys of the shards that can hold a token: the longest key that begins it (a word's
  // shard), and for a prefix every key that begins with it.
  function shardKeys(manifest, token) {
    var longest = null;
    var keys = [];
    manifest.shards.forEach(function (k) {
      if (token.folded.startsWith(k) && (longest === null || k.length > longest.length)) {
        longest = k;
      } else if (token.prefix && k.startsWith(token.folded)) {
        keys.push(k);
      }
    });
    if (longest !== null) {
      keys.push(longest);
    }
    return keys;
  }

  // Where a word occurs, from its posting code: title > summary > body.
  function fieldScore(code) {
    var body = code >> 2;
    return (code & 2 ? 12 : 0) + (code & 1 ? 4 : 0) + (body ? 1 + Math.min(body, 20) / 20 : 0);
  }

  // doc id -> best score of one token over the spellings it matches. An exact spelling
  // (diacritics as typed) counts double; a longer word completing a prefix counts half.
  function tokenScores(token, shards) {
    var scores = new Map();
    shards.forEach(function (shard) {
      Object.keys(shard).forEach(function (folded) {
        if (!tokenMatches(token, folded)) {
          return;
        }
        var whole = folded === token.folded;
        var spellings = shard[folded];
        Object.keys(spellings).forEach(function (spelling) {
          var exact = whole ? spelling === token.spelling : spelling.startsWith(token.spelling);
          var factor = (exact ? 2 : 1) * (whole ? 1 : 0.5);
          var postings = spellings[spelling];
          var id = 0;
          for (var i = 0; i < postings.length; i += 2) {
            id += postings[i];
            var s = fieldScore(postings[i + 1]) * factor;
            if (s > (scores.get(id) || 0)) {
              scores.set(id, s);
            }
          }
        });
      });
    });
    return scores;
  }

  // Every page holding all the tokens, best first: [{id, score}].
  function rank(manifest, tokens, shardsByToken) {
    var maps = tokens.map(function (t, i) {
      return tokenScores(t, shardsByToken[i]);
    });
    maps.sort(function (a, b) {
      return a.size - b.size;
    });
    var results = [];
    maps[0].forEach(function (score, id) {
      var total = score;
      for (var i = 1; i < maps.length; i++) {
        var s = maps[i].get(id);
        if (s === undefined) {
          return;
        }
        total += s;
      }
      results.push({ id: id, score: total });
    });
    // Ids go from the oldest page to the newest: equal scores show the newest first.
    results.sort(function (a, b) {
      return b.score - a.score || b.id - a.id;
    });
    return results;
  }

  // --- page ----------------------------------------------------------------------

  var manifest = null;
  var state = { query: '', kind: '', tokens: [], results: [], shown: 0 };
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
        var tokens = queryTokens(state.query, m.token_chars);
        if (!tokens.length) {
          return { tokens: tokens, results: [] };
        }
        return Promise.all(
          tokens.map(function (t) {
            return Promise.all(
              shardKeys(m, t).map(function (k) {
                return fetchJson('shards/' + shardFile(k) + '.json');
              })
            );
          })
        ).then(function (shards) {
          return { tokens: tokens, results: rank(m, tokens, shards) };
        });
      })
      .then(function (found) {
        if (mine !== run) {
          return null;
        }
        state.tokens = found.tokens;
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
    appendPieces(a, highlight(doc.title, tokens, Infinity) || [[doc.title, false]]);
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
      highlight(doc.body, tokens, SNIPPET_WORDS) ||
      highlight(doc.summary, tokens, SNIPPET_WORDS) ||
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
      say('Không tìm thấy kết quả nào cho ' + q + kind + '. Hãy thử từ khóa khác, ít từ hơn, hoặc chọn “Tất cả” loại nội dung.');
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
