// The search page: queries the portal's Pagefind index (built by src/search.rs), which is
// downloaded only when the reader searches. Without this script the page lists every service.

const form = document.querySelector(".search-form");
const input = form.querySelector("input[name=q]");
const status = document.getElementById("search-status");
const list = document.getElementById("search-results");
const { bundle, sourceLang, count, none, busy, failed } = form.dataset;
const rtl = document.documentElement.dir === "rtl";
const SHOWN = 20;

// Letters Pagefind keeps apart from their base letter; folded exactly as FOLDS in src/search.rs.
const FOLDS = { "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "æ": "ae", "Æ": "Ae", "\u0640": "" };
const fold = (text) => text.replace(/[łŁøØæÆ\u0640]/g, (c) => FOLDS[c]);
const LATIN = /[A-Za-z\u00C0-\u024F]/;

/** Lower case without accents, tashkeel or alef variants: for comparing words, not for display. */
const plain = (text) =>
  fold(text)
    .toLowerCase()
    .normalize("NFD")
    .replace(/[\u0300-\u036f\u064b-\u065f\u0670]/g, "")
    .replace(/[أإآٱ]/g, "ا");

let engine = null;
let latest = 0;
let timer;

/** Pagefind, loaded on first use; on the main thread, as the index is small. */
function pagefind() {
  engine ??= import(`${bundle}pagefind.js`).then((pf) =>
    pf.createInstance({ basePath: bundle, baseUrl: "/", noWorker: true }),
  );
  return engine;
}

async function run(query) {
  const id = ++latest;
  const q = fold(query.trim());
  if (!q) {
    show(id, [], "");
    return;
  }
  if (!engine) status.textContent = busy;
  try {
    const search = await (await pagefind()).search(q);
    const data = await Promise.all(search.results.slice(0, SHOWN).map((r) => r.data()));
    const terms = plain(q).split(/\s+/);
    const found = data.filter((d) => matches(d, terms));
    show(id, found, found.length ? `${count}: ${found.length}` : none);
  } catch {
    engine = null; // try again on the next query (the connection may be back)
    show(id, [], failed);
  }
}

/** Shows results unless a newer query has started; the status line is the live region. */
function show(id, results, message) {
  if (id !== latest) return;
  list.removeAttribute("aria-busy");
  list.replaceChildren(...results.map(result));
  list.hidden = results.length === 0;
  status.textContent = message;
}

function result(data) {
  const li = document.createElement("li");
  // An untranslated page: its text is in the source language.
  const own = !data.meta.lang;
  if (!own) {
    li.lang = data.meta.lang;
    li.dir = "ltr";
  }
  const kind = document.createElement("p");
  kind.className = "crumb";
  kind.textContent = data.meta.kind;
  const link = document.createElement("a");
  link.href = data.url;
  appendWords(link, data.meta.title.split(" "), () => false, own);
  const snippet = document.createElement("p");
  const { words, start, end, marked } = excerpt(data);
  if (start > 0) snippet.append("… ");
  appendWords(snippet, words.slice(start, end), (i) => marked.has(start + i), own);
  if (end < words.length) snippet.append(" …");
  li.append(kind, link, snippet);
  return li;
}

/**
 * Whether a matched word shares the start of a query term. When a word is not in the index,
 * Pagefind searches for its longest prefix that is, so «szczepienie» can find «(s.»: a stemmer's
 * help with half-typed words, but noise when the word is simply absent. Arabic words may carry
 * prefixes (وال، بال، لل), so the term's start may sit inside the word.
 */
function matches(data, terms) {
  const words = data.content.split(/\s+/);
  return (data.locations || []).some((loc) => {
    const word = plain(words[loc] || "");
    return terms.some((t) => word.includes(t.slice(0, 3)));
  });
}

/**
 * The words of the page as written (the index holds them folded; `meta.words` keeps the
 * originals by position), and the stretch of about 30 words with the most matches.
 */
function excerpt(data) {
  const words = data.content.split(/\s+/);
  for (const pair of (data.meta.words || "").split(" ").filter(Boolean)) {
    const at = pair.indexOf(":");
    words[Number(pair.slice(0, at))] = pair.slice(at + 1);
  }
  const locations = data.locations || [];
  const length = 30;
  let start = 0;
  let best = -1;
  for (const loc of locations) {
    const from = Math.max(0, loc - 5);
    const hits = locations.filter((l) => l >= from && l < from + length).length;
    if (hits > best) [start, best] = [from, hits];
  }
  return { words, start, end: Math.min(words.length, start + length), marked: new Set(locations) };
}

/** Appends words with spaces; on right-to-left pages, runs of Latin words (Norwegian names) are
 * marked with the source language, as the build marks them on the pages themselves. */
function appendWords(parent, words, isMarked, own) {
  let run = null;
  words.forEach((word, i) => {
    const latin = rtl && own && LATIN.test(word);
    if (run && latin) run.append(" ");
    else if (i > 0) parent.append(" ");
    if (!latin) run = null;
    else if (!run) {
      run = document.createElement("span");
      run.lang = sourceLang;
      run.dir = "ltr";
      parent.append(run);
    }
    let node = document.createTextNode(word);
    if (isMarked(i)) {
      node = document.createElement("mark");
      node.textContent = word;
    }
    (run || parent).append(node);
  });
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  clearTimeout(timer);
  const url = new URL(location.href);
  url.searchParams.set("q", input.value);
  history.replaceState(null, "", url);
  run(input.value);
});

input.addEventListener("input", () => {
  // The results shown are for what was typed before, until this query's replace them.
  list.setAttribute("aria-busy", "true");
  clearTimeout(timer);
  timer = setTimeout(() => run(input.value), 250);
});

// Arriving from the search box in a page header: ?q=…
const given = new URLSearchParams(location.search).get("q");
if (given) {
  input.value = given;
  run(given);
}
