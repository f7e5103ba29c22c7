// The search page over the archive's index pieces (website/search.py): a query asks the
// router which pieces can match, then searches those newest first, a few at a time, so what
// it downloads depends on the piece size and not on the archive's. Filter values load only
// when the reader opens a filter. Everything from the index is placed as text, never HTML.
// In the preview (`newsarchive serve`) search.json may name a delta: the articles changed
// since the preview's full build, searched first, whose addresses are dropped from the pieces.

const PAGE = 5; // results shown at a time
const STEP = 3; // pieces one query (or one "More results") may open: bounds its downloads
const ROUTE = "piece"; // the router's filter naming a page's piece (search.py)
const DEBOUNCE_MS = 300;

const search = document.getElementById("na-search");
const root = new URL(search.dataset.root, window.location.href).pathname;
const bundle = root + "pagefind/";
const input = search.querySelector(".na-search__input");
const status = search.querySelector(".na-search__status");
const list = search.querySelector(".na-search__results");
const more = search.querySelector(".na-search__more");
const panel = search.querySelector(".na-search__filters");
// The page's interface words (words.yml), in the site's language.
const words = JSON.parse(search.dataset.words);

let engine = null; // {pagefind, router}, loaded by the first query
let manifest = null; // search.json: the filter names and the pieces, oldest first
const pieces = new Map(); // "piece/language" -> its open Pagefind instance, kept across queries
let current = null; // the query on screen
let filterValues = null; // filters.json, loaded when a filter is first opened
let timer = null;

// The phrase `key` with each {name} replaced by values[name].
function say(key, values = {}) {
  return words[key].replace(/\{(\w+)\}/g, (whole, name) => (name in values ? values[name] : whole));
}

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

// A promise kept while it holds; one that failed (the network) is tried again next time.
function remember(promise, forget) {
  promise.catch(forget);
  return promise;
}

async function fetchJson(name) {
  const response = await fetch(bundle + name);
  if (!response.ok) throw new Error(`${name}: HTTP ${response.status}`);
  return response.json();
}

function loadEngine() {
  engine ??= remember(
    (async () => {
      const engineCode = import(bundle + "pagefind.js");
      manifest ??= await fetchJson("search.json");
      const pagefind = await engineCode;
      if (!panel.childElementCount) showFilterNames(manifest.filters);
      return { pagefind, router: manifest.pieces.length ? await open(pagefind, "router/") : null };
    })(),
    () => (engine = null),
  );
  return engine;
}

// An index in an instance of its own whose primary is the one-page index beside the engine:
// only a primary loads the WebAssembly, and from the root it is one cached file for all.
// The primary weighs 0, so its page scores 0 and is dropped from results.
// `language`: one of the piece's other languages (originals beside their translations,
// indexed in their own language); by default the index in the page's language.
async function open(pagefind, path, language) {
  const instance = pagefind.createInstance({
    basePath: bundle, baseUrl: root, indexWeight: 0, noWorker: true,
  });
  await instance.mergeIndex(bundle + path, language ? { baseUrl: root, language } : { baseUrl: root });
  return instance;
}

// Numbers of the pieces that can hold a match, newest first. Phrases are matched word by
// word here: the router's pages hold each word of a piece once, in no order.
async function route(term, filters) {
  const { router } = await loadEngine();
  if (!router) return [];
  const all = manifest.pieces.map((_, number) => String(number));
  const words = term.replaceAll('"', " ");
  const options = { filters: { ...filters, [ROUTE]: { any: all } } };
  const found = await router.search(words, options);
  const counts = found.filters[ROUTE] || {};
  return all.filter((number) => counts[number] > 0).map(Number).reverse();
}

// An index folder's results (a piece, or the preview's delta) in every language it holds
// (search.json lists a folder's other languages), best first.
async function searchFolder(key, folder, query) {
  const { pagefind } = await loadEngine();
  const found = [];
  for (const language of [null, ...(folder.languages || [])]) {
    const id = `${key}/${language || ""}`;
    if (!pieces.has(id)) {
      pieces.set(id, remember(open(pagefind, folder.path, language), () => pieces.delete(id)));
    }
    const part = await (await pieces.get(id)).search(query.term, { filters: query.filters });
    found.push(...part.results.filter((result) => result.score > 0));
  }
  return found.sort((a, b) => b.score - a.score);
}

async function searchPiece(number, query) {
  const results = await searchFolder(number, manifest.pieces[number], query);
  return manifest.delta ? withoutReplaced(results) : results;
}

// The preview's changed articles, newest version only.
async function searchDelta(query) {
  return manifest.delta?.path ? searchFolder("delta", manifest.delta, query) : [];
}

async function withoutReplaced(results) {
  const replaced = new Set(manifest.delta.replaced);
  const urls = await Promise.all(results.map(async (result) => (await result.data()).url));
  return results.filter((_, position) => !replaced.has(urls[position]));
}

function selectedFilters() {
  const filters = {};
  for (const checkbox of panel.querySelectorAll("input:checked")) {
    (filters[checkbox.name] ??= { any: [] }).any.push(checkbox.value);
  }
  return filters;
}

async function run(term) {
  clearTimeout(timer);
  const query = {
    term: term.trim(), filters: selectedFilters(), queue: [], results: [], shown: 0, oldest: null,
  };
  current = query;
  list.replaceChildren();
  more.hidden = true;
  const address = new URL(window.location.href); // the results can be linked to
  if (query.term) address.searchParams.set("q", query.term);
  else address.searchParams.delete("q");
  window.history.replaceState(null, "", address);
  if (!query.term) {
    status.textContent = "";
    return;
  }
  status.textContent = say("searching", { term: query.term });
  await reporting(query, async () => {
    query.queue = await route(query.term, query.filters);
    query.results.push(...(await searchDelta(query)));
    if (current === query) await next(query);
  });
}

async function reporting(query, work) {
  try {
    await work();
  } catch (error) {
    if (current === query) status.textContent = say("search_failed", { error: error.message });
  }
}

// The next page of results: pieces are opened, newest first, until one more page can be
// shown or STEP pieces were opened.
async function next(query) {
  more.disabled = true;
  for (let opened = 0; opened < STEP && query.queue.length; opened++) {
    if (query.results.length >= query.shown + PAGE) break;
    const number = query.queue.shift();
    query.results.push(...(await searchPiece(number, query)));
    query.oldest = number;
    if (current !== query) return;
  }
  const from = query.shown;
  query.shown = Math.min(query.results.length, query.shown + PAGE);
  showStatus(query);
  for (const result of query.results.slice(from, query.shown)) {
    const item = element("li", "na-search__result");
    list.append(item); // in order now; filled when its excerpt arrives
    result.data().then((data) => fill(item, data), () => item.remove());
  }
  const left = query.results.length > query.shown;
  more.hidden = !left && !query.queue.length;
  more.disabled = false;
  more.textContent = left ? say("more_results") : say("search_older");
}

function showStatus(query) {
  const count = query.results.length;
  const key = count === 0 ? "results_none" : count === 1 ? "results_one" : "results_many";
  let text = say(key, { count, term: query.term });
  if (query.queue.length) {
    text += say("results_since", { date: manifest.pieces[query.oldest].first });
  }
  status.textContent = text;
}

function fill(item, data) {
  const url = String(data.url || "");
  if (!url.startsWith("/") || url.startsWith("//")) return; // only pages of this site
  const link = element("a", "na-search__result-link", data.meta.title || url);
  link.href = url;
  const date = element("span", "na-search__result-date", data.meta.date || "");
  const excerpt = element("p", "na-search__result-excerpt");
  // Pagefind marks the matched words with <mark> in otherwise escaped text.
  data.excerpt.split(/(<mark>|<\/mark>)/).reduce((marked, part) => {
    if (part === "<mark>" || part === "</mark>") return part === "<mark>";
    const text = part.replaceAll("&lt;", "<").replaceAll("&gt;", ">");
    excerpt.append(marked ? element("mark", "", text) : document.createTextNode(text));
    return marked;
  }, false);
  item.append(link, " ", date, excerpt);
}

// The filter groups show at once; their values load when the reader opens one.
function showFilterNames(names) {
  for (const name of names) {
    const group = element("details", "na-search__filter");
    const label = words[`filter_${name}`] || name[0].toUpperCase() + name.slice(1);
    const summary = element("summary", "na-search__filter-name", label);
    const values = element("fieldset", "na-search__filter-values");
    values.dataset.filter = name;
    group.append(summary, values);
    group.addEventListener("toggle", () => group.open && loadFilterValues());
    panel.append(group);
  }
  panel.hidden = !names.length;
}

function loadFilterValues() {
  filterValues ??= remember(
    fetchJson("filters.json").then((all) => {
      for (const values of panel.querySelectorAll(".na-search__filter-values")) {
        showValues(values, all[values.dataset.filter] || {});
      }
    }),
    () => (filterValues = null),
  );
}

function showValues(fieldset, counts) {
  const values = Object.keys(counts);
  // Years newest first; names as a reader looks them up.
  if (values.every((value) => /^\d+$/.test(value))) values.sort((a, b) => b - a);
  else values.sort((a, b) => a.localeCompare(b));
  for (const value of values) {
    const label = element("label", "na-search__filter-value");
    const checkbox = element("input");
    checkbox.type = "checkbox";
    checkbox.name = fieldset.dataset.filter;
    checkbox.value = value;
    checkbox.id = `${checkbox.name}-${value}`;
    checkbox.addEventListener("change", () => run(input.value));
    label.htmlFor = checkbox.id;
    const count = element("span", "na-search__filter-count", String(counts[value]));
    label.append(checkbox, value, " ", count);
    fieldset.append(label);
  }
}

input.addEventListener("input", () => {
  clearTimeout(timer);
  timer = setTimeout(() => run(input.value), DEBOUNCE_MS);
});
input.addEventListener("keydown", (event) => {
  if (event.key === "Enter") run(input.value);
});
more.addEventListener("click", () => current && reporting(current, () => next(current)));

const asked = new URLSearchParams(window.location.search).get("q");
if (asked) {
  input.value = asked;
  run(asked);
}
