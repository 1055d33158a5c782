// rolebook playbook: search as you type, and copy a brief. No dependencies, no network
// beyond this site: the search index is a script on the same origin, loaded on first use,
// so it also works when the files are opened directly (file://).
(function () {
  "use strict";

  // ---- copy buttons -------------------------------------------------------------------
  function copyWithSelection(text) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    var ok = false;
    try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
    area.remove();
    return ok;
  }

  // The job post as it reads on the page (its title, then the sections the role page
  // prints), cloned node by node: a rendered copy to select where the clipboard API cannot
  // take formatted text.
  function renderedPost(button) {
    var post = document.getElementById(button.getAttribute("data-copy-rendered"));
    var wrapper = document.createElement("div");
    var title = document.createElement("h1");
    title.textContent = button.getAttribute("data-copy-title") || "";
    wrapper.appendChild(title);
    if (post) {
      Array.prototype.forEach.call(post.childNodes, function (node) {
        wrapper.appendChild(node.cloneNode(true));
      });
    }
    return wrapper;
  }

  // Where the async clipboard cannot take formatted text (a plain-http intranet is not a
  // secure context; file:// pages and older browsers lack ClipboardItem): select a rendered
  // copy of the post off screen and copy it, setting both kinds of text on the way.
  function copyRenderedPost(wrapper, html, text) {
    wrapper.setAttribute("aria-hidden", "true");
    wrapper.style.position = "fixed";
    wrapper.style.left = "-10000px";
    wrapper.style.top = "0";
    wrapper.style.width = "40rem";
    document.body.appendChild(wrapper);
    var selection = window.getSelection();
    var saved = [];
    for (var i = 0; i < selection.rangeCount; i++) saved.push(selection.getRangeAt(i));
    var range = document.createRange();
    range.selectNodeContents(wrapper);
    selection.removeAllRanges();
    selection.addRange(range);
    var onCopy = function (event) {
      if (!event.clipboardData) return;
      event.clipboardData.setData("text/html", html);
      event.clipboardData.setData("text/plain", text);
      event.preventDefault();
    };
    document.addEventListener("copy", onCopy);
    var ok = false;
    try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
    document.removeEventListener("copy", onCopy);
    selection.removeAllRanges();
    saved.forEach(function (r) { selection.addRange(r); });
    wrapper.remove();
    return ok;
  }

  function copy(button) {
    var source = document.getElementById(button.getAttribute("data-copy"));
    var status = button.closest(".brief-actions").querySelector(".copy-status");
    if (!source) return;
    var text = source.textContent;
    var say = function (message) { if (status) status.textContent = message; };
    // The post's HTML is page text (escaped in the page, read back as text), never parsed
    // into this page.
    var htmlSource = document.getElementById(button.getAttribute("data-copy-html"));
    if (htmlSource) {
      var html = htmlSource.textContent;
      var why = window.isSecureContext
        ? "this browser cannot put formatted text on the clipboard"
        : "this page is not served over HTTPS";
      var fallback = function () {
        say(copyRenderedPost(renderedPost(button), html, text)
          ? "Copied by selecting the post, with headings and lists (" + why + ")."
          : "Copying is blocked here: open posting.html and copy the post from there, or use a download link.");
      };
      if (navigator.clipboard && navigator.clipboard.write && window.ClipboardItem && window.isSecureContext) {
        var item = new window.ClipboardItem({
          "text/html": new Blob([html], { type: "text/html" }),
          "text/plain": new Blob([text], { type: "text/plain" })
        });
        navigator.clipboard.write([item]).then(function () {
          say("Copied, with headings and lists.");
        }, function () {
          why = "the browser refused the clipboard";
          fallback();
        });
      } else {
        fallback();
      }
      return;
    }
    var plain = function () {
      say(copyWithSelection(text) ? "Copied." : "Copying is blocked here: use the download link instead.");
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(function () { say("Copied."); }, plain);
    } else {
      plain();
    }
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("button.copy");
    if (button) copy(button);
  });

  // ---- search -------------------------------------------------------------------------
  var form = document.querySelector("form.search");
  if (!form) return;
  var input = form.querySelector("input");
  var list = form.querySelector(".search-results");
  var root = form.getAttribute("data-root") || "/";
  var entries = null;
  var loading = false;
  var active = -1;

  var waiting = [];

  // Load the index once; whatever asked for it while it loads runs when it arrives.
  function load(then) {
    if (entries) return then();
    waiting.push(then);
    if (loading) return;
    loading = true;
    var script = document.createElement("script");
    script.src = form.getAttribute("data-index");
    script.onload = function () {
      entries = window.rolebookSearch || [];
      waiting.splice(0).forEach(function (f) { f(); });
    };
    script.onerror = function () { loading = false; waiting = []; };
    document.head.appendChild(script);
  }

  function words(text) {
    return (text || "").toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  }

  function score(entry, terms) {
    var fields = [[entry.t, 8], [(entry.g || []).join(" "), 4], [(entry.h || []).join(" "), 2], [entry.s, 1], [entry.o, 1]];
    var total = 0;
    for (var i = 0; i < terms.length; i++) {
      var best = 0;
      for (var f = 0; f < fields.length; f++) {
        var ws = words(fields[f][0]);
        for (var w = 0; w < ws.length; w++) {
          if (ws[w] === terms[i]) best = Math.max(best, fields[f][1] * 2);
          else if (ws[w].indexOf(terms[i]) === 0) best = Math.max(best, fields[f][1]);
        }
      }
      if (!best) return 0;
      total += best;
    }
    return total;
  }

  function select(index) {
    var items = list.querySelectorAll("[role=option][data-href]");
    active = Math.max(-1, Math.min(index, items.length - 1));
    items.forEach(function (item, i) { item.setAttribute("aria-selected", i === active ? "true" : "false"); });
    if (active >= 0) input.setAttribute("aria-activedescendant", items[active].id);
    else input.removeAttribute("aria-activedescendant");
  }

  function close() {
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    active = -1;
  }

  function show() {
    var terms = words(input.value);
    list.textContent = "";
    if (!terms.length) return close();
    var results = entries
      .map(function (e) { return { e: e, s: score(e, terms) }; })
      .filter(function (r) { return r.s > 0; })
      .sort(function (a, b) { return b.s - a.s || a.e.t.localeCompare(b.e.t); })
      .slice(0, 8);
    if (!results.length) {
      // A listbox holds options only: the message is one that cannot be chosen.
      var none = document.createElement("li");
      none.className = "search-empty";
      none.setAttribute("role", "option");
      none.setAttribute("aria-disabled", "true");
      none.textContent = "No role or guide matches.";
      list.appendChild(none);
    }
    // Each result is an option, not a link inside one (a control inside a control is
    // skipped or read twice by screen readers): Enter or a click goes to its page.
    results.forEach(function (r, i) {
      var item = document.createElement("li");
      item.id = "search-result-" + i;
      item.setAttribute("role", "option");
      item.setAttribute("data-href", root + r.e.u);
      var link = document.createElement("span");
      link.className = "search-option";
      var title = document.createElement("span");
      title.className = "search-title";
      title.textContent = r.e.t;
      var kind = document.createElement("span");
      kind.className = "search-kind";
      kind.textContent = r.e.k;
      var summary = document.createElement("span");
      summary.className = "search-summary";
      summary.textContent = r.e.s;
      link.append(title, " ", kind, summary);
      item.appendChild(link);
      list.appendChild(item);
    });
    list.hidden = false;
    input.setAttribute("aria-expanded", "true");
    select(results.length ? 0 : -1);
  }

  input.addEventListener("focus", function () { load(function () {}); });
  input.addEventListener("input", function () { load(show); });
  input.addEventListener("keydown", function (event) {
    if (event.key === "ArrowDown") { select(active + 1); event.preventDefault(); }
    else if (event.key === "ArrowUp") { select(active - 1); event.preventDefault(); }
    else if (event.key === "Escape") { close(); }
    else if (event.key === "Enter") {
      var items = list.querySelectorAll("[role=option][data-href]");
      if (active >= 0 && items[active]) { location.href = items[active].getAttribute("data-href"); event.preventDefault(); }
    }
  });
  list.addEventListener("click", function (event) {
    var option = event.target.closest && event.target.closest("[role=option][data-href]");
    if (option) location.href = option.getAttribute("data-href");
  });
  document.addEventListener("click", function (event) {
    if (!form.contains(event.target)) close();
  });
})();
